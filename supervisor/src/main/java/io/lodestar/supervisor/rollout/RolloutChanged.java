package io.lodestar.supervisor.rollout;

/**
 * Fired inside the transaction that changed a rollout (observe it with {@code during = AFTER_SUCCESS} to see only
 * what committed): the rollout's state after the change, what changed, and the node it concerns (null for a
 * change of the whole rollout).
 *
 * @param change created, node_started, node_gating, node_succeeded, node_failed, node_skipped, held, completed,
 *     stopped or cancelled
 */
public record RolloutChanged(long tenantId, long deploymentId, long rolloutId, String state, String change, Long nodeId,
        String nodeState, String message) {
}
