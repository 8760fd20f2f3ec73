package io.lodestar.warden.link;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.warden.runtime.ActionDeadline;
import io.lodestar.warden.runtime.RuntimeProgress;
import io.lodestar.warden.state.JournalEntry;
import io.lodestar.warden.state.TaskJournal;
import io.lodestar.warden.task.TaskHandler;
import io.lodestar.warden.task.TaskHandlers;
import io.lodestar.warden.task.TaskLanes;
import io.lodestar.warden.task.TaskOutcome;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jboss.logging.MDC;

/**
 * Takes the tasks the Supervisor pushes: drops redeliveries (re-sending the outcome of a finished
 * task), fails tasks whose deadline has passed without acting, answers ACCEPTED, runs the task in
 * its lane within its execution timeout (counted from the acceptance) and reports the outcome, which
 * the journal keeps until it is acknowledged.
 */
public final class TaskIntake {

    static final String DEADLINE_PASSED = "deadline passed before the task started";

    private final TaskJournal journal;
    private final TaskHandlers handlers;
    private final TaskLanes lanes;
    private final UpdateSink sink;
    private final LongSupplier supervisorNow;
    private final Clock clock;

    /**
     * @param supervisorNow the Supervisor's time in epoch ms, against which delivery deadlines are checked
     * @param clock this node's clock, on which execution timeouts are counted (a duration needs no shared clock)
     */
    public TaskIntake(TaskJournal journal, TaskHandlers handlers, TaskLanes lanes, UpdateSink sink,
            LongSupplier supervisorNow, Clock clock) {
        this.journal = journal;
        this.handlers = handlers;
        this.lanes = lanes;
        this.sink = sink;
        this.supervisorNow = supervisorNow;
        this.clock = clock;
    }

    /** Called for every task received; never blocks on the task's work. */
    public void receive(Task task) {
        long taskId = task.getTaskId();
        MDC.put("task_id", taskId);
        try {
            Optional<JournalEntry> known = journal.find(taskId);
            if (known.isPresent()) {
                redelivered(known.get());
                return;
            }
            if (deadlinePassed(task)) {
                finish(taskId, TaskOutcome.failed(DEADLINE_PASSED));
                return;
            }
            Optional<TaskHandler> handler = handlers.handlerFor(task);
            if (handler.isEmpty()) {
                finish(taskId, TaskOutcome.failed("this Warden version cannot run tasks of kind " + task.getKindCase()));
                return;
            }
            journal.accept(task);
            ActionDeadline execution = ActionDeadline.after(clock, task.getExecutionTimeoutMs());
            sink.send(update(taskId, TaskState.TASK_STATE_ACCEPTED, "", 0));
            Log.infof("task %d accepted: %s", taskId, handler.get().describe(task));
            String lane = handler.get().lane(task);
            lanes.submit(lane, () -> run(task, handler.get(), execution, lane));
        } finally {
            MDC.remove("task_id");
        }
    }

    private void redelivered(JournalEntry entry) {
        if (entry.outcome().isPresent()) {
            Log.infof("task %d was delivered again; it is finished, re-sending its outcome", entry.taskId());
            sink.send(entry.outcome().get());
        } else {
            Log.infof("task %d was delivered again while it runs; ignoring the copy", entry.taskId());
        }
    }

    private void run(Task task, TaskHandler handler, ActionDeadline execution, String lane) {
        if (deadlinePassed(task)) {
            finish(task.getTaskId(), TaskOutcome.failed(DEADLINE_PASSED));
            return;
        }
        if (execution.passed(clock)) {
            finish(task.getTaskId(), TaskOutcome.timedOut(execution.timedOut("waiting for its turn behind earlier"
                    + " tasks of " + lane + "; nothing was done"), 0));
            return;
        }
        TaskOutcome outcome;
        try {
            // A driver's "process is up" goes out as RUNNING before the outcome (the Supervisor's deployment status uses it).
            RuntimeProgress progress = (message, pid) -> sink.send(update(task.getTaskId(), TaskState.TASK_STATE_RUNNING,
                    message, pid));
            outcome = handler.run(task, progress, execution);
        } catch (RuntimeException e) {
            Log.errorf(e, "task %d failed unexpectedly", task.getTaskId());
            outcome = TaskOutcome.failed("the Warden failed to run the task: " + e.getMessage());
        }
        finish(task.getTaskId(), outcome);
    }

    private boolean deadlinePassed(Task task) {
        return task.getDeadlineMs() > 0 && supervisorNow.getAsLong() > task.getDeadlineMs();
    }

    private void finish(long taskId, TaskOutcome outcome) {
        TaskState state = outcome.succeeded() ? TaskState.TASK_STATE_SUCCEEDED : TaskState.TASK_STATE_FAILED;
        TaskUpdate update = update(taskId, state, outcome.message(), outcome.pid()).toBuilder()
                .setFailure(outcome.timedOut() ? TaskUpdate.Failure.FAILURE_EXECUTION_TIMEOUT : TaskUpdate.Failure.FAILURE_UNSPECIFIED)
                .build();
        journal.complete(update);
        if (outcome.succeeded()) {
            Log.infof("task %d succeeded: %s", taskId, outcome.message());
        } else {
            Log.warnf("task %d failed: %s", taskId, outcome.message());
        }
        sink.send(update);
    }

    private static TaskUpdate update(long taskId, TaskState state, String message, long pid) {
        return TaskUpdate.newBuilder().setTaskId(taskId).setState(state).setMessage(message).setPid(pid).build();
    }
}
