package io.lodestar.supervisor.placement;

/**
 * What a node's runtimes are doing for its deployment, from the Wardens' reports. The deployment's
 * status is derived from its nodes' states; an agent shows the state of its node as {@code runtime_state}.
 */
public enum NodeRuntimeState {
    /** Start or restart tasks were dispatched; no process reported yet. */
    STARTING,
    /** The Warden reported the runtime process spawned (pid known), health not yet confirmed. */
    RUNNING,
    /** The start finished: the runtime's health check passed. */
    READY,
    /** A start or restart failed, or the node did not answer in time. */
    FAILED,
    /** Its runtimes were stopped (a stop activity, a scale-down or the deployment's deletion). */
    STOPPED;

    public String wireName() {
        return name().toLowerCase();
    }
}
