package io.lodestar.warden.task;

/**
 * How a task ended.
 *
 * @param message what happened, in a sentence a person can act on
 * @param pid the runtime's process id afterwards, 0 when there is none
 */
public record TaskOutcome(boolean succeeded, String message, long pid) {

    public static TaskOutcome succeeded(String message, long pid) {
        return new TaskOutcome(true, message, pid);
    }

    public static TaskOutcome failed(String message) {
        return new TaskOutcome(false, message, 0);
    }
}
