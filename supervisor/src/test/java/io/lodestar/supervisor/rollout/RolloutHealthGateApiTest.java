package io.lodestar.supervisor.rollout;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The health gate and the quorum guard read runtime health from the Wardens' heartbeats, here written by the test:
 * a runtime that stops answering its health check during its gate stops the rollout; a gate ends only once the
 * heartbeats say healthy; a node whose heartbeats say unhealthy counts as down.
 */
@QuarkusTest
class RolloutHealthGateApiTest extends ThreeReadyNodesFixture {

    RolloutHealthGateApiTest() {
        super("health-gate");
    }

    private long seq = 1;

    @Test
    void aRuntimeThatStopsAnsweringItsHealthCheckDuringItsGateStopsTheRollout() throws InterruptedException {
        String rolloutId = admin().body("{\"min_healthy_time\":\"30s\"}").post(path("activities/iggy/restart"))
                .then().statusCode(202).extract().jsonPath().getString("rollout.id");
        FakeWarden first = wardens.get(0);
        Task task = first.nextTask();
        first.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "iggy restarted (pid 501)", 501);
        first.awaitAck(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("rollouts/" + rolloutId)).then()
                .body("batches[0].nodes[0].state", equalTo("gating")));

        health(first, true, "HTTP 200");
        Thread.sleep(500);
        admin().get(path("rollouts/" + rolloutId)).then().body("batches[0].nodes[0].state", equalTo("gating"));
        health(first, false, "HTTP 503");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("rollouts/" + rolloutId)).then()
                .body("state", equalTo("stopped"))
                .body("failures", equalTo(1))
                .body("batches[0].nodes[0].state", equalTo("failed"))
                .body("batches[0].nodes[0].message", startsWith("did not stay healthy for min_healthy_time 30s: its"
                        + " Warden's heartbeat at "))
                .body("batches[0].nodes[0].message", containsString("says iggy does not answer its health check (HTTP 503)."))
                .body("batches[1].nodes[0].state", equalTo("skipped"))
                .body("batches[2].nodes[0].state", equalTo("skipped")));
        admin().get(path("activities?rollout_id=" + rolloutId + "&node_id=" + wardens.get(1).nodeId())).then()
                .body("items[0].status", equalTo("rejected"))
                .body("items[0].reason", equalTo("not_run"));
        assertThat(wardens.get(1).pollTask(300)).as("later nodes are untouched").isNull();
        assertThat(wardens.get(2).pollTask(300)).as("later nodes are untouched").isNull();
    }

    @Test
    void aGateEndsOnlyWhenTheHeartbeatsSayTheRuntimeIsHealthy() throws InterruptedException {
        FakeWarden first = wardens.get(0);
        health(first, false, "connection refused"); // down before the rollout: the guard admits it, it takes nothing more down
        Thread.sleep(300);
        String rolloutId = admin().body("{\"min_healthy_time\":\"500ms\"}").post(path("activities/iggy/restart"))
                .then().statusCode(202).extract().jsonPath().getString("rollout.id");
        Task task = first.nextTask();
        first.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "iggy restarted (pid 502)", 502);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> admin().get(path("rollouts/" + rolloutId)).then()
                        .body("batches[0].nodes[0].state", equalTo("gating"))
                        .body("batches[0].nodes[0].message", startsWith("its action's health check passed; waiting for a"
                                + " heartbeat to say iggy is healthy")));
        // past its gate and still waiting; the heartbeat TTL (2s here) past the gate it would fail
        health(first, true, "HTTP 200");
        Task next = wardens.get(1).nextTask();
        assertThat(next.getRuntimeAction().getRuntime()).isEqualTo(Runtime.RUNTIME_IGGY);
        admin().get(path("rollouts/" + rolloutId)).then()
                .body("batches[0].nodes[0].state", equalTo("succeeded"))
                .body("batches[0].nodes[0].message", equalTo("healthy for 500ms after its action, as its Warden's"
                        + " heartbeats report."));
    }

    @Test
    void theQuorumGuardCountsANodeWhoseHeartbeatsSayUnhealthyAsDown() throws InterruptedException {
        FakeWarden third = wardens.get(2);
        health(third, false, "HTTP 503");
        Thread.sleep(300);
        String body = "{\"nodes\":[" + wardens.get(0).nodeId() + "," + wardens.get(1).nodeId() + "]}";
        String rolloutId = admin().body(body).post(path("activities/iggy/restart")).then().statusCode(202)
                .extract().jsonPath().getString("rollout.id");

        assertThat(wardens.get(0).pollTask(1_000)).as("1 of 3 may be down, and node 3 is").isNull();
        admin().get(path("rollouts/" + rolloutId)).then()
                .body("message", equalTo("held by the quorum guard: 1 of 3 nodes are down now [" + third.nodeId()
                        + "] and at most 1 may be down to keep a majority; waiting for a node to be healthy again."));

        health(third, true, "HTTP 200");
        assertThat(wardens.get(0).nextTask().getRuntimeAction().getRuntime()).isEqualTo(Runtime.RUNTIME_IGGY);
        admin().get(path("activities?rollout_id=" + rolloutId)).then()
                .body("items.status", everyItem(equalTo("processing")));
    }

    @Test
    void aRuntimeThatExitedCountsAsDownBeforeAnyHeartbeatSaysSo() throws InterruptedException {
        FakeWarden third = wardens.get(2);
        health(third, true, "HTTP 200");
        Thread.sleep(300);
        third.runtimeEvent(RuntimeEvent.newBuilder().setRuntime(Runtime.RUNTIME_IGGY).setKind(RuntimeEvent.Kind.KIND_EXITED)
                .setPid(500).setExitCode(137).setMessage("killed by signal 9").build());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get("/deployments/" + deploymentId).then()
                .body("status", equalTo("failed")));
        String body = "{\"nodes\":[" + wardens.get(0).nodeId() + "," + wardens.get(1).nodeId() + "]}";
        String rolloutId = admin().body(body).post(path("activities/iggy/restart")).then().statusCode(202)
                .extract().jsonPath().getString("rollout.id");

        assertThat(wardens.get(0).pollTask(1_000)).as("node 3's iggy exited: no other node may go down").isNull();
        admin().get(path("rollouts/" + rolloutId)).then()
                .body("message", startsWith("held by the quorum guard: 1 of 3 nodes are down now [" + third.nodeId() + "]"));
    }

    /** A heartbeat whose iggy runs and answers its health check, or not. */
    private void health(FakeWarden warden, boolean healthy, String detail) {
        warden.heartbeat(Heartbeat.newBuilder().setSeq(seq++).addRuntimes(RuntimeStatus.newBuilder()
                .setRuntime(Runtime.RUNTIME_IGGY).setRunning(true).setPid(500)
                .setHealth(healthy ? RuntimeStatus.Health.HEALTH_HEALTHY : RuntimeStatus.Health.HEALTH_UNHEALTHY)
                .setHealthDetail(detail)).build());
    }

}
