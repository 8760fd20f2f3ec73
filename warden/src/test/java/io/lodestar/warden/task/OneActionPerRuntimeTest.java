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
import io.lodestar.warden.runtime.ActionDeadline;
import io.lodestar.warden.runtime.ActionResult;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.DriverStatus;
import io.lodestar.warden.runtime.HttpHealthProbe;
import io.lodestar.warden.runtime.ProcessDriver;
import io.lodestar.warden.runtime.ProcessSpec;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.runtime.RuntimeProgress;
import io.lodestar.warden.state.InMemoryTaskJournal;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two actions for the same runtime, delivered together, run one after the other against a real
 * runtime process (the stand-in): never interleaved, each restart really restarts it.
 */
class OneActionPerRuntimeTest {

    @TempDir
    Path dir;

    private final TaskLanes lanes = new TaskLanes();
    private final List<Long> pids = new CopyOnWriteArrayList<>();

    @AfterEach
    void cleanUp() {
        lanes.close(Duration.ofSeconds(5));
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** Records when each action ran and whether another one ran at the same time. */
    private static final class Recording implements RuntimeDriver {
        final RuntimeDriver driver;
        final AtomicInteger inAction = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final List<String> order = new CopyOnWriteArrayList<>();

        Recording(RuntimeDriver driver) {
            this.driver = driver;
        }

        private ActionResult record(String what, Supplier<ActionResult> action) {
            if (inAction.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            order.add("begin " + what);
            try {
                return action.get();
            } finally {
                order.add("end " + what);
                inAction.decrementAndGet();
            }
        }

        public String name() {
            return driver.name();
        }

        public ActionResult start(RuntimeProgress progress, ActionDeadline deadline) {
            return record("start", () -> driver.start(progress, deadline));
        }

        public ActionResult stop() {
            return record("stop", driver::stop);
        }

        public ActionResult restart(RuntimeProgress progress, ActionDeadline deadline) {
            return record("restart", () -> driver.restart(progress, deadline));
        }

        public DriverStatus status() {
            return driver.status();
        }
    }

    private static Task task(long id, RuntimeAction.Action action) {
        return Task.newBuilder().setTaskId(id).setRuntimeAction(RuntimeAction.newBuilder()
                .setRuntime(Runtime.RUNTIME_IGGY).setAction(action)).build();
    }

    @Test
    void aSecondRestartWaitsForTheFirstAndRestartsAgain() throws IOException {
        int[] tcp = FreePorts.tcp(3);
        Path data = dir.resolve("data");
        ProcessSpec spec = new ProcessSpec(RuntimeName.IGGY, StandInCommand.of(RuntimeName.IGGY), dir.resolve("work"),
                Map.of("IGGY_HTTP_ADDRESS", "127.0.0.1:" + tcp[0], "IGGY_TCP_ADDRESS", "127.0.0.1:" + tcp[1],
                        "IGGY_WEBSOCKET_ADDRESS", "127.0.0.1:" + tcp[2], "IGGY_QUIC_ADDRESS", "127.0.0.1:" + FreePorts.udp(),
                        "IGGY_SYSTEM_PATH", data.toString(), "STANDIN_STOP_DELAY_MS", "300"),
                URI.create("http://127.0.0.1:" + tcp[0] + "/ping"), dir.resolve("iggy.log"), dir.resolve("iggy.pid"),
                Duration.ofSeconds(5), Duration.ofSeconds(20));
        Recording driver = new Recording(new ProcessDriver(spec, new HttpHealthProbe(Duration.ofMillis(500)), Clock.systemUTC()));
        List<TaskUpdate> updates = new CopyOnWriteArrayList<>();
        TaskIntake intake = new TaskIntake(new InMemoryTaskJournal(),
                new TaskHandlers(List.of(new RuntimeActionHandler(
                        new DriverRegistry(Map.of(RuntimeName.IGGY, driver)), new Reconfiguration(Map.of())))),
                lanes, updates::add, System::currentTimeMillis, Clock.systemUTC());

        intake.receive(task(1, RuntimeAction.Action.ACTION_START));
        intake.receive(task(2, RuntimeAction.Action.ACTION_RESTART));
        intake.receive(task(3, RuntimeAction.Action.ACTION_RESTART));
        intake.receive(task(2, RuntimeAction.Action.ACTION_RESTART)); // a redelivery while it waits

        await().atMost(Duration.ofSeconds(90)).until(() -> updates.stream()
                .filter(u -> u.getState() == TaskState.TASK_STATE_SUCCEEDED || u.getState() == TaskState.TASK_STATE_FAILED)
                .count() == 3);
        List<TaskUpdate> outcomes = updates.stream().filter(u -> u.getState() == TaskState.TASK_STATE_SUCCEEDED
                || u.getState() == TaskState.TASK_STATE_FAILED).toList();
        outcomes.forEach(u -> pids.add(u.getPid()));
        assertThat(outcomes).extracting(TaskUpdate::getTaskId).containsExactly(1L, 2L, 3L);
        assertThat(outcomes).allMatch(u -> u.getState() == TaskState.TASK_STATE_SUCCEEDED);
        assertThat(outcomes).extracting(TaskUpdate::getPid).doesNotHaveDuplicates();
        assertThat(driver.overlaps).hasValue(0);
        assertThat(driver.order).containsExactly("begin start", "end start", "begin restart", "end restart",
                "begin restart", "end restart");
        assertThat(Files.readString(data.resolve("state/stand-in.state"))).contains("start_count=3");
    }
}
