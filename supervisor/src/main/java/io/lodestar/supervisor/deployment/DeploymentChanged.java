package io.lodestar.supervisor.deployment;

import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.tenancy.Scope;

/**
 * Fired inside the transaction that writes a lifecycle event (every status change and node state change of a
 * deployment), so features above can react in the same commit.
 */
public record DeploymentChanged(Scope scope, long deploymentId, DeploymentEventType type, DeploymentStatus status,
        String message, Long nodeId) {
}
