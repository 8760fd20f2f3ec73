package io.lodestar.warden.task;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.warden.state.LocalTaskState;
import io.lodestar.warden.state.TaskJournal;
import io.quarkus.logging.Log;

/**
 * Ends the tasks a previous Warden was running when it died. They are never run a second time:
 * the action may have taken effect, partly or fully, and repeating it (another restart) is what
 * exactly-once forbids. Each is reported FAILED with what its kind's handler can tell of the
 * present (for a runtime action, what the runtime is doing now, read from the driver), so the
 * operator sees the truth and decides whether to act again.
 */
public final class InterruptedTasks {

    private InterruptedTasks() {
    }

    /** Completes every interrupted task in the journal; its outcome goes out with the next Hello. */
    public static void settle(TaskJournal journal, TaskHandlers handlers) {
        for (Task task : journal.interrupted()) {
            boolean stillRunning = journal.find(task.getTaskId())
                    .map(entry -> entry.state() == LocalTaskState.RUNNING).orElse(false);
            if (!stillRunning) {
                continue;
            }
            TaskOutcome outcome = handlers.interrupted(task);
            journal.complete(TaskUpdate.newBuilder().setTaskId(task.getTaskId()).setState(TaskState.TASK_STATE_FAILED)
                    .setMessage(outcome.message()).setPid(outcome.pid()).build());
            Log.warnf("task %d: %s", task.getTaskId(), outcome.message());
        }
    }
}
