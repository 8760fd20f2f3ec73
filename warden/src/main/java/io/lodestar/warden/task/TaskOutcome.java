package io.lodestar.warden.task;

/**
 * How a task ended.
 *
 * @param message what happened, in a sentence a person can act on
 * @param pid the runtime's process id afterwards, 0 when there is none
 * @param timedOut the task's execution timeout passed: the Warden stopped waiting and left the runtime as it was
 */
public record TaskOutcome(boolean succeeded, String message, long pid, boolean timedOut) {

    public TaskOutcome(boolean succeeded, String message, long pid) {
        this(succeeded, message, pid, false);
    }

    public static TaskOutcome timedOut(String message, long pid) {
        return new TaskOutcome(false, message, pid, true);
    }

    public static TaskOutcome succeeded(String message, long pid) {
        return new TaskOutcome(true, message, pid);
    }

    public static TaskOutcome failed(String message) {
        return new TaskOutcome(false, message, 0);
    }
}
