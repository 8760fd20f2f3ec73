package io.lodestar.supervisor.link;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.Welcome;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LinkTest {

    @Test
    void welcomeCarriesTheSupervisorsHeartbeatSettingsAndMarksTheAgentOnline() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            Welcome welcome = warden.awaitWelcome();
            assertThat(welcome.getHeartbeatIntervalMs()).isEqualTo(500);
            assertThat(welcome.getHeartbeatTtlMs()).isEqualTo(2000);
            assertThat(welcome.getSessionEpoch()).isEqualTo(1);
            admin().get("/agents/" + warden.nodeId()).then().statusCode(200)
                    .body("state", equalTo("online")).body("hostname", equalTo("fake-node"));
        }
    }

    @Test
    void anEnrollmentTokenWorksOnce() throws InterruptedException {
        String token = Api.enrollmentToken();
        try (FakeWarden first = new FakeWarden(Api.grpcPort()).enroll(token);
                FakeWarden second = new FakeWarden(Api.grpcPort())) {
            assertThat(first.nodeId()).isPositive();
            StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                    () -> second.enroll(token));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(refused.getStatus().getDescription()).contains("already used");
        }
    }

    @Test
    void aWrongNodeSecretIsRefused() throws InterruptedException {
        try (FakeWarden enrolled = new FakeWarden(Api.grpcPort()).enroll(Api.enrollmentToken());
                FakeWarden impostor = new FakeWarden(Api.grpcPort()).as(enrolled.nodeId(), "ldnode_wrong").connect()) {
            Status end = impostor.awaitEnd();
            assertThat(end.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        }
    }

    @Test
    void aTaskWrittenWhileTheNodeIsOfflineIsDeliveredWhenItConnects() throws InterruptedException {
        try (FakeWarden warden = new FakeWarden(Api.grpcPort()).enroll(Api.enrollmentToken())) {
            long deployment = Api.deployment("offline-first", List.of(warden.nodeId()));
            warden.connect();
            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get("/deployments/" + deployment)
                    .then().body("status", equalTo("ready")));
        }
    }

    @Test
    void anUnacknowledgedOutcomeResentInHelloIsRecordedOnce() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            long deployment = Api.deployment("resend", List.of(warden.nodeId()));
            Task start = warden.nextTask();
            warden.disconnect();
            // The Warden finished while disconnected and re-sends the outcome with its next Hello, twice.
            try (FakeWarden again = new FakeWarden(Api.grpcPort()).as(warden.nodeId(), warden.secret())
                    .connect(FakeWarden.update(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started (pid 7)"),
                            FakeWarden.update(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started (pid 7)"))) {
                again.awaitAck(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);
                again.awaitAck(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);
                admin().get("/deployments/" + deployment + "/activities").then()
                        .body("items[0].status", equalTo("completed"))
                        .body("items[0].message", equalTo("started (pid 7)"));
            }
        }
    }

    @Test
    void anotherNodesTaskCannotBeReportedOn() throws InterruptedException {
        try (FakeWarden owner = Api.connectedWarden(); FakeWarden other = Api.connectedWarden()) {
            long deployment = Api.deployment("forgery", List.of(owner.nodeId()));
            Task start = owner.nextTask();
            other.report(start.getTaskId(), TaskState.TASK_STATE_FAILED, "forged");
            other.heartbeat(1);
            Thread.sleep(300);
            admin().get("/deployments/" + deployment + "/activities").then().body("items[0].status", equalTo("processing"));
            owner.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
        }
    }

    @Test
    void restartOfOfflineNodeIsRejectedAfterDeadline() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            long deployment = Api.deployment("goes-dark", List.of(warden.nodeId()));
            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
            warden.awaitAck(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);
            warden.close();
            Number id = admin().body(Map.of()).post("/deployments/" + deployment + "/activities/iggy/restart")
                    .then().statusCode(202).extract().path("items[0].id");
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> admin()
                    .get("/deployments/" + deployment + "/activities/" + id).then()
                    .body("status", equalTo("rejected"))
                    .body("message", containsString("node offline")));
            admin().get("/agents/" + warden.nodeId()).then().body("state", equalTo("offline"));
        }
    }

    @Test
    void aSilentWardenIsMarkedOfflineAfterTheTtl() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            Status end = warden.awaitEnd(); // it never sends a heartbeat
            assertThat(end.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
            // the stream's end can reach the Warden a moment before the offline state is committed
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    admin().get("/agents/" + warden.nodeId()).then().body("state", equalTo("offline")));
        }
    }
}
