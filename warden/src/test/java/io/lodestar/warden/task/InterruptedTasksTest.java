package io.lodestar.warden.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.SnapshotRequest;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.warden.runtime.ActionDeadline;
import io.lodestar.warden.runtime.ActionResult;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.DriverStatus;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.runtime.RuntimeProgress;
import io.lodestar.warden.state.FileTaskJournal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptedTasksTest {

    @TempDir
    Path dir;

    /** A driver whose state is fixed and whose actions are counted: settling must not act. */
    private static final class FixedDriver implements RuntimeDriver {
        final AtomicInteger actions = new AtomicInteger();
        final DriverStatus status;

        FixedDriver(DriverStatus status) {
            this.status = status;
        }

        public String name() {
            return "iggy";
        }

        public ActionResult start(RuntimeProgress progress, ActionDeadline deadline) {
            actions.incrementAndGet();
            return ActionResult.failed("must not run");
        }

        public ActionResult stop() {
            return start(RuntimeProgress.NONE);
        }

        public ActionResult restart(RuntimeProgress progress, ActionDeadline deadline) {
            return start(progress, deadline);
        }

        public DriverStatus status() {
            return status;
        }
    }

    private static TaskHandlers handlers(RuntimeDriver iggy) {
        return new TaskHandlers(List.of(new RuntimeActionHandler(new DriverRegistry(Map.of(RuntimeName.IGGY, iggy)),
                new Reconfiguration(Map.of()))));
    }

    private static Task task(long id, RuntimeAction.Action action) {
        return Task.newBuilder().setTaskId(id).setRuntimeAction(RuntimeAction.newBuilder()
                .setRuntime(Runtime.RUNTIME_IGGY).setAction(action)).build();
    }

    @Test
    void anInterruptedRestartFailsWithTheRuntimesRealStateAndIsNotRunAgain() {
        Path file = dir.resolve("tasks.journal");
        try (FileTaskJournal journal = FileTaskJournal.open(file, 10)) {
            journal.accept(task(1, RuntimeAction.Action.ACTION_RESTART));
        }
        FixedDriver driver = new FixedDriver(DriverStatus.running(321));
        try (FileTaskJournal journal = FileTaskJournal.open(file, 10)) {
            InterruptedTasks.settle(journal, handlers(driver));
            assertThat(journal.unacknowledged()).containsExactly(TaskUpdate.newBuilder().setTaskId(1)
                    .setState(TaskState.TASK_STATE_FAILED).setPid(321)
                    .setMessage("the Warden restarted during the restart of iggy and did not run it again; "
                            + "iggy is now running (pid 321)").build());
        }
        assertThat(driver.actions).hasValue(0);
        try (FileTaskJournal journal = FileTaskJournal.open(file, 10)) {
            assertThat(journal.interrupted()).isEmpty();
        }
    }

    @Test
    void aStoppedRuntimeIsSaidToBeStopped() {
        TaskOutcome outcome = handlers(new FixedDriver(DriverStatus.STOPPED))
                .interrupted(task(2, RuntimeAction.Action.ACTION_STOP));
        assertThat(outcome.message())
                .isEqualTo("the Warden restarted during the stop of iggy and did not run it again; iggy is now stopped");
        assertThat(outcome.pid()).isZero();
        assertThat(outcome.succeeded()).isFalse();
    }

    @Test
    void aTaskOfAKindWithoutAHandlerIsSaidNotToHaveRunAgain() {
        Path file = dir.resolve("tasks.journal");
        try (FileTaskJournal journal = FileTaskJournal.open(file, 10)) {
            journal.accept(Task.newBuilder().setTaskId(3).setSnapshot(SnapshotRequest.newBuilder().setName("s")).build());
        }
        try (FileTaskJournal journal = FileTaskJournal.open(file, 10)) {
            InterruptedTasks.settle(journal, handlers(new FixedDriver(DriverStatus.STOPPED)));
            assertThat(journal.unacknowledged()).containsExactly(TaskUpdate.newBuilder().setTaskId(3)
                    .setState(TaskState.TASK_STATE_FAILED).setMessage(TaskHandler.NOT_RUN_AGAIN).build());
        }
    }
}
