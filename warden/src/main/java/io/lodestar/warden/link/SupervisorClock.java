package io.lodestar.warden.link;

import io.quarkus.logging.Log;
import java.time.Clock;

/**
 * The Supervisor's time as seen from this node: the local clock plus the offset measured at the
 * last Welcome. Task deadlines are the Supervisor's epoch milliseconds, so a node whose clock is
 * off must not reject (or run) tasks because of it.
 */
public final class SupervisorClock {

    private static final long WARN_SKEW_MS = 2_000;

    private final Clock local;
    private volatile long offsetMs;

    public SupervisorClock(Clock local) {
        this.local = local;
    }

    public long millis() {
        return local.millis() + offsetMs;
    }

    /** Records the Supervisor's time from a Welcome; 0 means the Supervisor did not say. */
    public void observe(long serverTimeMs) {
        if (serverTimeMs <= 0) {
            return;
        }
        long offset = serverTimeMs - local.millis();
        if (Math.abs(offset) > WARN_SKEW_MS) {
            Log.warnf("this node's clock is %d ms %s the Supervisor's; task deadlines are corrected for it",
                    Math.abs(offset), offset > 0 ? "behind" : "ahead of");
        }
        offsetMs = offset;
    }
}
