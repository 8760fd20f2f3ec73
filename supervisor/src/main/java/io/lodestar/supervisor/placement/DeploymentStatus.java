package io.lodestar.supervisor.placement;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A deployment's lifecycle; the table below is the only place its transitions are allowed. */
public enum DeploymentStatus {
    /** Runtime tasks were dispatched to the nodes. Transitions to: running, ready, failed, stopped, killed. */
    DEPLOYING,
    /** The runtime processes are up on every node. Transitions to: deploying (scale), ready, failed, stopped, killed. */
    RUNNING,
    /** Health checks pass on every node. Transitions to: deploying (scale), running, failed, stopped, killed. */
    READY,
    /** The runtimes were stopped on purpose. Transitions to: deploying, killed. */
    STOPPED,
    /** A node's runtime failed. Transitions to: deploying, killed. */
    FAILED,
    /** Deleted; terminal. */
    KILLED;

    private static final Map<DeploymentStatus, Set<DeploymentStatus>> NEXT = new EnumMap<>(DeploymentStatus.class);

    static {
        NEXT.put(DEPLOYING, EnumSet.of(RUNNING, READY, FAILED, STOPPED, KILLED));
        NEXT.put(RUNNING, EnumSet.of(DEPLOYING, READY, FAILED, STOPPED, KILLED));
        NEXT.put(READY, EnumSet.of(DEPLOYING, RUNNING, FAILED, STOPPED, KILLED));
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

    public static DeploymentStatus parse(String value) {
        for (DeploymentStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new io.lodestar.supervisor.common.DomainException.Invalid("Unknown deployment status '" + value
                + "'; use one of: deploying, running, ready, stopped, failed, killed.");
    }
}
