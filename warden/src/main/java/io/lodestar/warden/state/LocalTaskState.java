package io.lodestar.warden.state;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a task stands on this node, as the journal records it. */
public enum LocalTaskState {

    /** Accepted and not finished yet. Transitions to: {@link #DONE}. */
    RUNNING,

    /** Finished; its terminal update waits for the Supervisor's acknowledgement. Transitions to: {@link #ACKNOWLEDGED}. */
    DONE,

    /** Finished and acknowledged: kept only to recognise a redelivery. Transitions to: nothing. */
    ACKNOWLEDGED;

    private static final Map<LocalTaskState, Set<LocalTaskState>> NEXT = new EnumMap<>(LocalTaskState.class);

    static {
        NEXT.put(RUNNING, EnumSet.of(DONE));
        NEXT.put(DONE, EnumSet.of(ACKNOWLEDGED));
        NEXT.put(ACKNOWLEDGED, EnumSet.noneOf(LocalTaskState.class));
    }

    public boolean canTransitionTo(LocalTaskState next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the task's outcome is known. */
    public boolean isFinished() {
        return this != RUNNING;
    }
}
