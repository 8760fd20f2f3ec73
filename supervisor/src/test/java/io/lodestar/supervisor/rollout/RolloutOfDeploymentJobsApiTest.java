package io.lodestar.supervisor.rollout;

import static io.lodestar.supervisor.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A deployment job's answer carries the rollout that runs it, as starting an activity does; reads do not. */
@QuarkusTest
class RolloutOfDeploymentJobsApiTest {

    @Test
    void createRestartScaleAndDeleteAnswerWithTheirRollout() throws InterruptedException {
        try (FakeWarden one = Api.connectedWarden().keepBeating(); FakeWarden two = Api.connectedWarden().keepBeating();
                FakeWarden three = Api.connectedWarden().keepBeating()) {
            JsonPath created = admin().body(Map.of("name", "jobs", "agent_ids",
                    List.of(one.nodeId(), two.nodeId(), three.nodeId())))
                    .post("/deployments").then().statusCode(201)
                    .body("rollout.job", equalTo("deploy"))
                    .body("rollout.action", equalTo("start"))
                    .body("rollout.strategy", equalTo("parallel"))
                    .body("rollout.batches[0].nodes", hasSize(3))
                    .extract().jsonPath();
            long id = created.getLong("id");
            sameAsRead(id, created.getString("rollout.id"));
            for (FakeWarden warden : List.of(one, two, three)) {
                warden.report(warden.nextTask().getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
            }
            awaitStatus(id, "ready");
            admin().get("/deployments/" + id).then().statusCode(200).body("$", not(hasKey("rollout")));

            JsonPath scaled = admin().body("{\"replicas\":2}").post("/deployments/" + id + "/scale").then().statusCode(200)
                    .body("replicas", equalTo(2))
                    .body("rollout.job", equalTo("scale"))
                    .body("rollout.action", equalTo("stop"))
                    .body("rollout.batches[0].nodes", hasSize(1))
                    .extract().jsonPath();
            sameAsRead(id, scaled.getString("rollout.id"));
            admin().body("{\"replicas\":2}").post("/deployments/" + id + "/scale").then().statusCode(200)
                    .body("$", not(hasKey("rollout"))); // nothing to do, no rollout

            List<Long> kept = scaled.getList("agent_ids", Long.class);
            FakeWarden crashing = List.of(one, two, three).stream().filter(w -> kept.contains(w.nodeId())).findFirst()
                    .orElseThrow();
            crashing.runtimeEvent(RuntimeEvent.newBuilder().setRuntime(Runtime.RUNTIME_IGGY).setKind(RuntimeEvent.Kind.KIND_EXITED)
                    .setPid(7).setExitCode(1).setMessage("killed by hand").build());
            awaitStatus(id, "failed");
            JsonPath restarted = admin().post("/deployments/" + id + "/restart").then().statusCode(200)
                    .body("status", equalTo("deploying"))
                    .body("rollout.job", equalTo("restart"))
                    .body("rollout.action", equalTo("restart"))
                    .body("rollout.batches[0].nodes", hasSize(2))
                    .extract().jsonPath();
            sameAsRead(id, restarted.getString("rollout.id"));

            JsonPath deleted = admin().delete("/deployments/" + id).then().statusCode(200)
                    .body("status", equalTo("killed"))
                    .body("rollout.job", equalTo("teardown"))
                    .body("rollout.action", equalTo("stop"))
                    .extract().jsonPath();
            sameAsRead(id, deleted.getString("rollout.id"));
            admin().delete("/deployments/" + id).then().statusCode(200).body("$", not(hasKey("rollout")));
        }
    }

    private static void sameAsRead(long deploymentId, String rolloutId) {
        admin().get("/deployments/" + deploymentId + "/rollouts/" + rolloutId).then().statusCode(200)
                .body("id", equalTo(Long.valueOf(rolloutId)));
    }

    private static void awaitStatus(long deploymentId, String status) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> status.equals(admin().get("/deployments/" + deploymentId).then().extract().path("status")));
    }
}
