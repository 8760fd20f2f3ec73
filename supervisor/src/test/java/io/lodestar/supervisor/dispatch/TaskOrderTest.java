package io.lodestar.supervisor.dispatch;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Actions on one runtime of one node reach its Warden one at a time, in the order the API accepted them: the
 * next goes out only when the one before it ended. (Across replicas the order comes from the same database
 * sequence; the end-to-end test with two Supervisors shows it there.)
 */
@QuarkusTest
class TaskOrderTest {

    private FakeWarden warden;
    private long deploymentId;

    @BeforeEach
    void readyNode() throws InterruptedException {
        warden = Api.connectedWarden().keepBeating();
        deploymentId = Api.deployment("ordered", List.of(warden.nodeId()));
        Task start = warden.nextTask();
        warden.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started (pid 42)");
        await().atMost(Duration.ofSeconds(30)).until(() -> "ready".equals(admin().get("/deployments/" + deploymentId)
                .then().extract().path("status")));
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        warden.close();
    }

    @Test
    void aStartAcceptedAfterAStopReachesTheNodeOnlyOnceTheStopEnded() throws InterruptedException {
        post("iggy/stop");
        post("iggy/start");
        post("connectors/restart"); // another runtime: its own lane, not held behind iggy's

        Task stop = warden.nextTask();
        Task connectors = warden.nextTask();
        while (connectors.getTaskId() == stop.getTaskId()) { // a pending task is re-pushed until the Warden accepts it
            connectors = warden.nextTask();
        }
        assertThat(List.of(action(stop), action(connectors))).containsExactlyInAnyOrder("IGGY ACTION_STOP",
                "CONNECTORS ACTION_RESTART");
        Task stopTask = action(stop).startsWith("IGGY") ? stop : connectors;
        for (Task task : List.of(stop, connectors)) { // accepted: no longer re-pushed, so any later task is a new one
            warden.report(task.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "");
            warden.awaitAck(task.getTaskId(), TaskState.TASK_STATE_ACCEPTED);
        }
        assertThat(newTaskWithin(1_000, stop.getTaskId(), connectors.getTaskId())).as("the start while the stop has not ended")
                .isNull();

        warden.report(stopTask.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "stopped");
        Task start = warden.nextTask();
        assertThat(action(start)).isEqualTo("IGGY ACTION_START");
        assertThat(start.getTaskId()).isGreaterThan(stopTask.getTaskId());
    }

    @Test
    void aReconnectingWardenIsSentOnlyTheTaskWhoseTurnItIs() throws InterruptedException {
        post("iggy/restart");
        post("iggy/stop");
        Task restart = warden.nextTask();
        assertThat(action(restart)).isEqualTo("IGGY ACTION_RESTART");
        warden.report(restart.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "");
        warden.awaitAck(restart.getTaskId(), TaskState.TASK_STATE_ACCEPTED);
        warden.close();

        try (FakeWarden again = new FakeWarden(Api.grpcPort()).as(warden.nodeId(), warden.secret()).connect().keepBeating()) {
            again.awaitWelcome();
            assertThat(again.nextTask().getTaskId()).isEqualTo(restart.getTaskId());
            assertThat(again.pollTask(1_000)).as("the stop while the restart has not ended").isNull();
            again.report(restart.getTaskId(), TaskState.TASK_STATE_FAILED, "the runtime did not come back");
            assertThat(action(again.nextTask())).isEqualTo("IGGY ACTION_STOP");
        }
    }

    /** The first task that arrives within {@code millis} other than a late copy of one already received. */
    private Task newTaskWithin(long millis, long... received) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        Task task;
        while ((task = warden.pollTask(Math.max(0, (until - System.nanoTime()) / 1_000_000))) != null) {
            long id = task.getTaskId();
            if (java.util.Arrays.stream(received).noneMatch(known -> known == id)) {
                return task;
            }
        }
        return null;
    }

    /** With a deadline far past the test profile's 4 s, so that no task ends by expiry and lets the next one go. */
    private void post(String runtimeAndAction) {
        admin().body(Map.of("delivery_timeout", "60s")).post("/deployments/" + deploymentId + "/activities/" + runtimeAndAction)
                .then().statusCode(202);
    }

    private static String action(Task task) {
        return task.getRuntimeAction().getRuntime().name().replace("RUNTIME_", "") + " "
                + task.getRuntimeAction().getAction().name();
    }
}
