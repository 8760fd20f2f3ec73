package io.lodestar.supervisor.rollout;

import java.util.EnumSet;
import java.util.Set;

/** Where one node of a rollout stands. */
public enum RolloutNodeState {
    /** Its batch has not started (or the quorum guard holds it); nothing was sent to it. */
    WAITING,
    /** Its action was sent; the node has not reported the outcome. */
    RUNNING,
    /** Its action completed and its runtime is healthy; it must stay so for min_healthy_time. */
    GATING,
    /** Done: the action completed and the runtime stayed healthy through the gate. */
    SUCCEEDED,
    /** The action failed on the node, or its runtime did not stay healthy. */
    FAILED,
    /** Never sent: cancelled, the rollout stopped, or the quorum guard's bound passed. Its runtime is untouched. */
    SKIPPED;

    public static final Set<RolloutNodeState> ENDED = EnumSet.of(SUCCEEDED, FAILED, SKIPPED);

    public String wireName() {
        return name().toLowerCase();
    }
}
