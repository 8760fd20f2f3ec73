package io.lodestar.supervisor.deployment;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A deployment's lifecycle; the table below is the only place its transitions are allowed. */
public enum DeploymentStatus {
    /** Runtime tasks were dispatched to the nodes. Transitions to: running, ready, failed, killed. */
    DEPLOYING,
    /** The runtime processes are up on every node. Transitions to: ready, failed, stopped, killed. */
    RUNNING,
    /** Health checks pass on every node. Transitions to: running, failed, stopped, killed. */
    READY,
    /** The runtimes were stopped on purpose. Transitions to: deploying, killed. */
    STOPPED,
    /** A node's runtime failed. Transitions to: deploying, killed. */
    FAILED,
    /** Deleted; terminal. */
    KILLED;

    private static final Map<DeploymentStatus, Set<DeploymentStatus>> NEXT = new EnumMap<>(DeploymentStatus.class);

    static {
        NEXT.put(DEPLOYING, EnumSet.of(RUNNING, READY, FAILED, KILLED));
        NEXT.put(RUNNING, EnumSet.of(READY, FAILED, STOPPED, KILLED));
        NEXT.put(READY, EnumSet.of(RUNNING, FAILED, STOPPED, KILLED));
        NEXT.put(STOPPED, EnumSet.of(DEPLOYING, KILLED));
        NEXT.put(FAILED, EnumSet.of(DEPLOYING, KILLED));
        NEXT.put(KILLED, EnumSet.noneOf(DeploymentStatus.class));
    }

    public boolean canTransitionTo(DeploymentStatus next) {
        return NEXT.get(this).contains(next);
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
