package io.lodestar.warden.runtime;

import java.time.Clock;
import java.time.Duration;

/**
 * When the Warden stops waiting on a task: the task's execution timeout, counted on this node's clock from the
 * moment the Warden accepted it. Past it an action stops waiting (for health, for its turn) and leaves the runtime
 * as it is; a stop is never cut short, since a half-stopped runtime is in no state an operator can name.
 *
 * @param atMs the node's epoch milliseconds at which it passes; {@link Long#MAX_VALUE} for none
 * @param timeout the execution timeout as the task gave it, for messages
 */
public record ActionDeadline(long atMs, Duration timeout) {

    /** No execution timeout: an action waits as long as its own bounds (the health timeout, the stop grace) allow. */
    public static final ActionDeadline NONE = new ActionDeadline(Long.MAX_VALUE, Duration.ZERO);

    /** The deadline of a task accepted now with {@code timeoutMs} (0 or less: none). */
    public static ActionDeadline after(Clock clock, long timeoutMs) {
        return timeoutMs <= 0 ? NONE : new ActionDeadline(clock.millis() + timeoutMs, Duration.ofMillis(timeoutMs));
    }

    public boolean passed(Clock clock) {
        return clock.millis() >= atMs;
    }

    /** How long until it passes (zero once passed); {@code bound} when there is none or it is further away. */
    public Duration leftWithin(Clock clock, Duration bound) {
        long leftMs = Math.max(0, atMs - clock.millis());
        return leftMs < bound.toMillis() ? Duration.ofMillis(leftMs) : bound;
    }

    /** "timed out after 2m on the node while {@code doing}". */
    public String timedOut(String doing) {
        return "timed out after " + Durations.format(timeout) + " on the node while " + doing;
    }
}
