package io.lodestar.supervisor.agent;

/**
 * Fired inside the transaction that revoked a node's identity (DELETE /agents/{id}): its open tasks are to fail
 * in that transaction, and once it commits its stream, on the session epoch that was fenced off, is to close.
 */
public record AgentRevoked(long nodeId, long fencedEpoch) {
}
