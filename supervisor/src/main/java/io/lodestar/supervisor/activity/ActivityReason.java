package io.lodestar.supervisor.activity;

import java.util.EnumSet;
import java.util.Set;

/** Why an activity ended {@code rejected}, for machines; its {@code message} says it for people. */
public enum ActivityReason {
    /** The node ran the action and it failed. */
    FAILED,
    /** A reconfigure failed and the node went back to its previous config. */
    ROLLED_BACK,
    /** The node never accepted the task before its delivery deadline: nothing ran. */
    DELIVERY_TIMEOUT,
    /** The node accepted the task but reported no outcome in time. */
    EXECUTION_TIMEOUT,
    /** Cancelled before it reached its node: nothing ran. */
    CANCELLED,
    /** Not run because its rollout stopped (the error budget was spent): nothing ran. */
    NOT_RUN,
    /** Not run because taking its node down would have cost the cluster its majority: nothing ran. */
    QUORUM_GUARD;

    /**
     * Reasons under which the Supervisor itself kept the action from its node (a cancel, its rollout): the node's
     * runtime is as it was and says nothing about the node. A delivery timeout is not one: the node did not answer.
     */
    public static final Set<ActivityReason> WITHHELD = EnumSet.of(CANCELLED, NOT_RUN, QUORUM_GUARD);

    public String wireName() {
        return name().toLowerCase();
    }
}
