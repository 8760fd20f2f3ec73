package io.lodestar.supervisor.rollout;

import java.util.EnumSet;
import java.util.Set;

/** A rollout's state. */
public enum RolloutState {
    /** Batches are being run (or held by the quorum guard, as its message says). Transitions to every other state. */
    RUNNING,
    /** Every node was acted on; failures stayed within max_errors. Terminal. */
    COMPLETED,
    /** Stopped early: more than max_errors nodes failed, or the quorum guard held it past its bound. Terminal. */
    STOPPED,
    /** Cancelled through the API: nodes not yet sent ended rejected; nodes already running reported their own outcome. Terminal. */
    CANCELLED;

    public static final Set<RolloutState> ENDED = EnumSet.of(COMPLETED, STOPPED, CANCELLED);

    public String wireName() {
        return name().toLowerCase();
    }
}
