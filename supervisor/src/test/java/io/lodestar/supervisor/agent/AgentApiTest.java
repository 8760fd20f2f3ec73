package io.lodestar.supervisor.agent;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.tenancy.Permission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Reading and deleting agents over real gRPC: what GET shows, and DELETE revoking identity, stream and open work. */
@QuarkusTest
class AgentApiTest {

    @Test
    void getShowsStateHostFactsAndVersion() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            admin().get("/agents/" + warden.nodeId()).then().statusCode(200)
                    .body("state", equalTo("online")).body("hostname", equalTo("fake-node"))
                    .body("warden_version", equalTo("test"))
                    .body("last_seen_at", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        }
    }

    @Test
    void lastSeenAtFollowsHeartbeatsWithoutAWritePerHeartbeat() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            String connected = admin().get("/agents/" + warden.nodeId()).then().extract().path("last_seen_at");
            for (int seq = 1; seq <= 12; seq++) { // 3.6 s of heartbeats, past the test TTL of 2 s
                warden.heartbeat(seq);
                Thread.sleep(300);
            }
            String later = admin().get("/agents/" + warden.nodeId()).then().body("state", equalTo("online"))
                    .extract().path("last_seen_at");
            assertThat(Instant.parse(later)).isAfter(Instant.parse(connected));
        }
    }

    @Test
    void deletingRevokesTheIdentityClosesTheStreamAndRejectsOpenTasks() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden(); FakeWarden keeper = Api.connectedWarden()) {
            long deployment = Api.deployment("doomed", List.of(warden.nodeId(), keeper.nodeId()));
            Task start = warden.nextTask(); // accepted, never finished
            warden.report(start.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "");
            warden.awaitAck(start.getTaskId(), TaskState.TASK_STATE_ACCEPTED);

            admin().delete("/agents/" + warden.nodeId()).then().statusCode(204);

            Status end = warden.awaitEnd();
            assertThat(end.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(end.getDescription()).contains("revoked");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin()
                    .get("/deployments/" + deployment + "/activities?node_id=" + warden.nodeId()).then()
                    .body("items[0].status", equalTo("rejected"))
                    .body("items[0].message", containsString("node revoked: node " + warden.nodeId()
                            + " was deleted after its Warden accepted this task")));
            admin().get("/agents/" + warden.nodeId()).then().statusCode(404);
            admin().get("/agents").then().body("items.id", not(hasItem(warden.nodeId())));
            admin().delete("/agents/" + warden.nodeId()).then().statusCode(404);

            try (FakeWarden again = new FakeWarden(Api.grpcPort()).as(warden.nodeId(), warden.secret()).connect()) {
                Status refused = again.awaitEnd();
                assertThat(refused.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(refused.getDescription()).contains("was deleted and its identity revoked");
            }
            admin().get("/agents/" + keeper.nodeId()).then().body("state", equalTo("online"));

            // The deployment still lists the deleted node; an action for it is rejected at once, not at the deadline.
            admin().body(java.util.Map.of("nodes", List.of(warden.nodeId()))).post("/deployments/" + deployment
                    + "/activities/iggy/restart").then().statusCode(202)
                    .body("items[0].status", equalTo("rejected"))
                    .body("items[0].message", containsString("was deleted, so no Warden can receive this task"));
            admin().get("/deployments/" + deployment + "/operations").then() // and so is its operation
                    .body("items[0].type", equalTo("runtime_action"))
                    .body("items[0].status", equalTo("error"));
        }
    }

    @Test
    void aRevocationWrittenByAnotherReplicaClosesTheStreamHereToo() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            // What DELETE on another Supervisor sharing this database leaves behind: the row, not our session.
            QuarkusTransaction.requiringNew().run(() -> {
                Agent agent = Agent.findById(warden.nodeId());
                agent.revokedAt = Instant.now();
                agent.sessionEpoch++;
                agent.state = AgentState.OFFLINE;
            });
            Status end = warden.awaitEnd();
            assertThat(end.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        }
    }

    @Test
    void deletingNeedsAgentManageAndAnotherTenantsAgentIsNotFound() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            Api.as(Api.keyWith(Permission.AGENT_READ)).delete("/agents/" + warden.nodeId()).then().statusCode(403);
            Api.as(Api.keyOfAnotherTenant()).delete("/agents/" + warden.nodeId()).then().statusCode(404);
            admin().delete("/agents/abc").then().statusCode(400).body("detail", containsString("agent_id"));
            admin().get("/agents/" + warden.nodeId()).then().body("state", equalTo("online"));
        }
    }
}
