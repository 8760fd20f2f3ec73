package io.lodestar.warden.state;

/** A journal change that the task's state does not allow, e.g. finishing a task twice. */
public class IllegalTaskTransitionException extends IllegalStateException {

    public IllegalTaskTransitionException(long taskId, LocalTaskState from, LocalTaskState to) {
        super("task " + taskId + " cannot go from " + from + " to " + to);
    }
}
