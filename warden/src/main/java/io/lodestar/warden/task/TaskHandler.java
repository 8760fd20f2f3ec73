package io.lodestar.warden.task;

import io.lodestar.protocol.v1.Task;

/** Runs one kind of task. */
public interface TaskHandler {

    /**
     * The lane the task runs in: tasks of one lane run one at a time, in order; lanes run in
     * parallel. Tasks that act on the same runtime share a lane.
     */
    String lane(Task task);

    /** Runs the task to its end; failures are outcomes, not exceptions. */
    TaskOutcome run(Task task);
}
