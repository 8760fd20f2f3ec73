package io.lodestar.supervisor.agent;

/** Fired inside the transaction that marks a node online (its Warden connected) or offline (its stream ended). */
public record AgentPresenceChanged(long nodeId, boolean online, String why) {
}
