package io.lodestar.warden.task;

import io.lodestar.protocol.v1.Task;
import io.lodestar.warden.runtime.ActionDeadline;
import io.lodestar.warden.runtime.RuntimeProgress;

/**
 * Runs one kind of task: the Warden's one seam for task kinds. A handler declares the kind it
 * takes and {@link TaskHandlers} picks it by that declaration, so a new kind of task is one new
 * handler, given to {@link TaskHandlers} where the Warden is put together.
 */
public interface TaskHandler {

    /** What a task that a previous Warden was running when it died ends with, unless its handler knows more. */
    String NOT_RUN_AGAIN = "the Warden restarted while running this task and did not run it again";

    /** The kind of task this handler takes: the case of the task's {@code kind} oneof. */
    Task.KindCase kind();

    /**
     * The lane the task runs in: tasks of one lane run one at a time, in order; lanes run in
     * parallel. Tasks that act on the same runtime share a lane.
     */
    String lane(Task task);

    /**
     * Runs the task to its end; failures are outcomes, not exceptions.
     *
     * @param progress hears a runtime's process come up (RUNNING with its pid) before the outcome
     */
    TaskOutcome run(Task task, RuntimeProgress progress);

    /**
     * Runs the task within its execution timeout: a kind that waits on a runtime stops waiting once
     * {@code deadline} passes and reports {@link TaskOutcome#timedOut}. Kinds that do not wait ignore it.
     */
    default TaskOutcome run(Task task, RuntimeProgress progress, ActionDeadline deadline) {
        return run(task, progress);
    }

    /** The task in a few words, for the log line that accepts it. */
    default String describe(Task task) {
        return kind().toString();
    }

    /**
     * The outcome of a task of this kind that a previous Warden was running when it died. It is
     * never run again: it may have taken effect, partly or fully. Only reads, never acts.
     */
    default TaskOutcome interrupted(Task task) {
        return TaskOutcome.failed(NOT_RUN_AGAIN);
    }
}
