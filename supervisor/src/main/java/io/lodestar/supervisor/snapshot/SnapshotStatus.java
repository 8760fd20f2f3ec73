package io.lodestar.supervisor.snapshot;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A snapshot item's status; the table below is the only place its transitions are allowed. */
public enum SnapshotStatus {
    /** Its task went to the node; the archive is awaited. Transitions to: completed, failed. */
    PROCESSING,
    /** The archive is stored and can be downloaded. Terminal. */
    COMPLETED,
    /** No archive: the Warden failed, the deadline passed, or the archive never arrived; the message says why. Terminal. */
    FAILED;

    private static final Map<SnapshotStatus, Set<SnapshotStatus>> NEXT = new EnumMap<>(SnapshotStatus.class);

    static {
        NEXT.put(PROCESSING, EnumSet.of(COMPLETED, FAILED));
        NEXT.put(COMPLETED, EnumSet.noneOf(SnapshotStatus.class));
        NEXT.put(FAILED, EnumSet.noneOf(SnapshotStatus.class));
    }

    public boolean canTransitionTo(SnapshotStatus next) {
        return NEXT.get(this).contains(next);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
