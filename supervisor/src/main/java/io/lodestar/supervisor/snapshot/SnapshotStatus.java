package io.lodestar.supervisor.snapshot;

import java.util.Locale;

/** An item's status: processing, then completed (archive stored) or failed (message says why). */
public enum SnapshotStatus {
    PROCESSING,
    COMPLETED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
