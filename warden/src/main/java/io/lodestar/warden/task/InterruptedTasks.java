package io.lodestar.warden.task;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.DriverStatus;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.state.LocalTaskState;
import io.lodestar.warden.state.TaskJournal;
import io.quarkus.logging.Log;
import java.util.Optional;

/**
 * Ends the tasks a previous Warden was running when it died. They are never run a second time:
 * the action may have taken effect, partly or fully, and repeating it (another restart) is what
 * exactly-once forbids. Each is reported FAILED with what the runtime is doing now, read from
 * the driver, so the operator sees the truth and decides whether to act again.
 */
public final class InterruptedTasks {

    private InterruptedTasks() {
    }

    /** Completes every interrupted task in the journal; its outcome goes out with the next Hello. */
    public static void settle(TaskJournal journal, DriverRegistry drivers) {
        for (Task task : journal.interrupted()) {
            boolean stillRunning = journal.find(task.getTaskId())
                    .map(entry -> entry.state() == LocalTaskState.RUNNING).orElse(false);
            if (!stillRunning) {
                continue;
            }
            TaskUpdate outcome = outcome(task, drivers);
            journal.complete(outcome);
            Log.warnf("task %d: %s", task.getTaskId(), outcome.getMessage());
        }
    }

    static TaskUpdate outcome(Task task, DriverRegistry drivers) {
        TaskUpdate.Builder update = TaskUpdate.newBuilder().setTaskId(task.getTaskId()).setState(TaskState.TASK_STATE_FAILED);
        if (!task.hasRuntimeAction()) {
            return update.setMessage("the Warden restarted while running this task and did not run it again").build();
        }
        RuntimeAction action = task.getRuntimeAction();
        String runtime = RuntimeName.fromProto(action.getRuntime()).map(RuntimeName::wireName).orElse("the runtime");
        String what = "the " + action.getAction().name().substring("ACTION_".length()).toLowerCase() + " of " + runtime;
        Optional<RuntimeDriver> driver = RuntimeName.fromProto(action.getRuntime()).flatMap(drivers::driver);
        String now;
        long pid = 0;
        if (driver.isEmpty()) {
            now = runtime + " is not enabled on this node any more";
        } else {
            DriverStatus status = driver.get().status();
            pid = status.pid();
            now = status.running() ? runtime + " is now running (pid " + status.pid() + ")" : runtime + " is now stopped";
        }
        return update.setMessage("the Warden restarted during " + what + " and did not run it again; " + now)
                .setPid(pid).build();
    }
}
