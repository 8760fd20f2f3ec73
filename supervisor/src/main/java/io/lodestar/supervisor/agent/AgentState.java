package io.lodestar.supervisor.agent;

/** Whether the node's Warden holds a live link to a Supervisor. Written only on change, never per heartbeat. */
public enum AgentState {
    /** Enrolled, never connected yet. Transitions to: online. */
    ENROLLED,
    /** The Warden's stream is open and heartbeats arrive. Transitions to: offline. */
    ONLINE,
    /** The stream closed or the heartbeat TTL passed. Transitions to: online. */
    OFFLINE;

    public String wireName() {
        return name().toLowerCase();
    }
}
