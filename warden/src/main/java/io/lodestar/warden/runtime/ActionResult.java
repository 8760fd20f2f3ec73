package io.lodestar.warden.runtime;

/**
 * The outcome of one driver action.
 *
 * @param message what happened, in a sentence a person can act on
 * @param pid the runtime's process id afterwards, 0 when none runs
 * @param timedOut the action's {@link ActionDeadline} passed: it stopped waiting and left the runtime as it was
 */
public record ActionResult(boolean succeeded, String message, long pid, boolean timedOut) {

    public ActionResult(boolean succeeded, String message, long pid) {
        this(succeeded, message, pid, false);
    }

    /** The execution timeout passed while the action waited; the runtime was left as it is ({@code pid}, if any). */
    public static ActionResult timedOut(String message, long pid) {
        return new ActionResult(false, message, pid, true);
    }

    public static ActionResult succeeded(String message, long pid) {
        return new ActionResult(true, message, pid);
    }

    public static ActionResult failed(String message) {
        return new ActionResult(false, message, 0);
    }
}
