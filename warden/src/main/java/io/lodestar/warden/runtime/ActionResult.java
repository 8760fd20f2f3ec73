package io.lodestar.warden.runtime;

/**
 * The outcome of one driver action.
 *
 * @param message what happened, in a sentence a person can act on
 * @param pid the runtime's process id afterwards, 0 when none runs
 */
public record ActionResult(boolean succeeded, String message, long pid) {

    public static ActionResult succeeded(String message, long pid) {
        return new ActionResult(true, message, pid);
    }

    public static ActionResult failed(String message) {
        return new ActionResult(false, message, 0);
    }
}
