package io.lodestar.warden.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.testsupport.net.FreePorts;
import io.lodestar.testsupport.standin.StandInCommand;
import io.lodestar.warden.link.TaskIntake;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.HttpHealthProbe;
import io.lodestar.warden.runtime.ProcessDriver;
import io.lodestar.warden.runtime.ProcessSpec;
import io.lodestar.warden.state.InMemoryTaskJournal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's execution timeout, enforced on the node against a real runtime process (the stand-in) that starts but
 * never answers its health check, under a driver whose own health timeout is far longer: the Warden stops waiting
 * when the task's timeout passes, leaves the process running as it is, and reports a timed-out failure.
 */
class ExecutionTimeoutTest {

    @TempDir
    Path dir;

    private final TaskLanes lanes = new TaskLanes();
    private final List<TaskUpdate> updates = new CopyOnWriteArrayList<>();
    private ProcessDriver driver;
    private TaskIntake intake;

    @BeforeEach
    void neverHealthyRuntime() {
        int[] tcp = FreePorts.tcp(3);
        ProcessSpec spec = new ProcessSpec(RuntimeName.IGGY, StandInCommand.of(RuntimeName.IGGY), dir.resolve("work"),
                Map.of("IGGY_HTTP_ADDRESS", "127.0.0.1:" + tcp[0], "IGGY_TCP_ADDRESS", "127.0.0.1:" + tcp[1],
                        "IGGY_WEBSOCKET_ADDRESS", "127.0.0.1:" + tcp[2], "IGGY_QUIC_ADDRESS", "127.0.0.1:" + FreePorts.udp(),
                        "IGGY_SYSTEM_PATH", dir.resolve("data").toString(), "STANDIN_FAIL_HEALTH", "true"),
                URI.create("http://127.0.0.1:" + tcp[0] + "/ping"), dir.resolve("iggy.log"), dir.resolve("iggy.pid"),
                Duration.ofSeconds(5), Duration.ofMinutes(10));
        driver = new ProcessDriver(spec, new HttpHealthProbe(Duration.ofMillis(500)), Clock.systemUTC());
        intake = new TaskIntake(new InMemoryTaskJournal(), new TaskHandlers(List.of(new RuntimeActionHandler(
                new DriverRegistry(Map.of(RuntimeName.IGGY, driver)), new Reconfiguration(Map.of())))),
                lanes, updates::add, System::currentTimeMillis, Clock.systemUTC());
    }

    @AfterEach
    void cleanUp() {
        lanes.close(Duration.ofSeconds(5));
        if (driver.status().running()) {
            ProcessHandle.of(driver.status().pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aStartThatNeverBecomesHealthyTimesOutOnTheNodeAndLeavesTheRuntimeRunning() {
        long began = System.nanoTime();
        intake.receive(task(1, RuntimeAction.Action.ACTION_START, 2_000));

        TaskUpdate outcome = outcomeOf(1);
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertThat(outcome.getState()).isEqualTo(TaskState.TASK_STATE_FAILED);
        assertThat(outcome.getFailure()).isEqualTo(TaskUpdate.Failure.FAILURE_EXECUTION_TIMEOUT);
        assertThat(outcome.getMessage()).startsWith("timed out after 2s on the node while waiting for iggy to become"
                + " healthy; it was left running as it is (pid " + outcome.getPid() + ", last health check: HTTP 503)");
        assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(30)); // not the driver's 10 minutes
        assertThat(ProcessHandle.of(outcome.getPid()).map(ProcessHandle::isAlive)).contains(true);
        assertThat(driver.status().running()).isTrue();
        assertThat(driver.status().pid()).isEqualTo(outcome.getPid());
    }

    @Test
    void aTaskWhoseTimeoutPassesWhileItWaitsForItsTurnIsNotRun() {
        intake.receive(task(1, RuntimeAction.Action.ACTION_START, 2_000));
        intake.receive(task(2, RuntimeAction.Action.ACTION_STOP, 1_000)); // behind the start, in the runtime's lane

        TaskUpdate stop = outcomeOf(2);
        TaskUpdate start = outcomeOf(1);

        assertThat(stop.getFailure()).isEqualTo(TaskUpdate.Failure.FAILURE_EXECUTION_TIMEOUT);
        assertThat(stop.getMessage()).isEqualTo("timed out after 1s on the node while waiting for its turn behind earlier"
                + " tasks of runtime-iggy; nothing was done");
        assertThat(driver.status().running()).as("the stop did not run").isTrue();
        assertThat(driver.status().pid()).isEqualTo(start.getPid());
    }

    @Test
    void aTaskWithoutAnExecutionTimeoutWaitsForTheDriversOwnBound() {
        intake.receive(task(1, RuntimeAction.Action.ACTION_STOP, 0));

        TaskUpdate stop = outcomeOf(1);

        assertThat(stop.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
        assertThat(stop.getFailure()).isEqualTo(TaskUpdate.Failure.FAILURE_UNSPECIFIED);
    }

    private TaskUpdate outcomeOf(long taskId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> finished(taskId).isPresent());
        return finished(taskId).orElseThrow();
    }

    private Optional<TaskUpdate> finished(long taskId) {
        return updates.stream().filter(u -> u.getTaskId() == taskId).filter(u -> u.getState() == TaskState.TASK_STATE_SUCCEEDED
                || u.getState() == TaskState.TASK_STATE_FAILED).findFirst();
    }

    private static Task task(long id, RuntimeAction.Action action, long executionTimeoutMs) {
        return Task.newBuilder().setTaskId(id).setExecutionTimeoutMs(executionTimeoutMs).setRuntimeAction(
                RuntimeAction.newBuilder().setRuntime(Runtime.RUNTIME_IGGY).setAction(action)).build();
    }
}
