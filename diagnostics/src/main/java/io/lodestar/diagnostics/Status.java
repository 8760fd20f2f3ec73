package io.lodestar.diagnostics;

/** Outcome of one check. Ordered by how urgently a reader should look at it. */
public enum Status {
    /** The check found a problem that breaks or endangers the runtime. */
    FAIL,
    /** The check itself broke or timed out; the host fact is unknown. */
    ERROR,
    /** Something a person should look at. */
    WARN,
    /** A fact worth recording, with no threshold to judge it by. */
    INFO,
    /** Everything within thresholds. */
    PASS,
    /** The check does not apply on this node; the summary says why. */
    SKIP;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The more urgent of two statuses, used to fold several findings into one result. */
    public static Status worst(Status a, Status b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
