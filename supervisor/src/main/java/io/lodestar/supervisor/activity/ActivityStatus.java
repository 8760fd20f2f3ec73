package io.lodestar.supervisor.activity;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** An activity's status, as in the seeds. */
public enum ActivityStatus {
    /** Dispatched, waiting for the node. Transitions to: completed, rejected. */
    PROCESSING,
    /** The node finished the action successfully. Terminal. */
    COMPLETED,
    /** The action failed, was refused, or its node did not answer in time. Terminal. */
    REJECTED;

    private static final Map<ActivityStatus, Set<ActivityStatus>> NEXT = new EnumMap<>(ActivityStatus.class);

    static {
        NEXT.put(PROCESSING, EnumSet.of(COMPLETED, REJECTED));
        NEXT.put(COMPLETED, EnumSet.noneOf(ActivityStatus.class));
        NEXT.put(REJECTED, EnumSet.noneOf(ActivityStatus.class));
    }

    public boolean canTransitionTo(ActivityStatus next) {
        return NEXT.get(this).contains(next);
    }

    public String wireName() {
        return name().toLowerCase();
    }

    public static ActivityStatus parse(String value) {
        for (ActivityStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new io.lodestar.supervisor.common.DomainException.Invalid(
                "Unknown status '" + value + "'; use processing, completed or rejected.");
    }
}
