package io.lodestar.supervisor.placement;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.lodestar.supervisor.common.DomainException;

/**
 * Finds a deployment as every feature scoped by one needs it: the caller's tenant's or a 404, and the
 * nodes it is placed on. Changing a deployment is the {@code deployment} package's work.
 */
@ApplicationScoped
public class Deployments {

    /** The tenant's deployment; 404 for an unknown id or another tenant's. */
    public Deployment get(long tenantId, long deploymentId) {
        Deployment deployment = Deployment.<Deployment>find("id = ?1 and tenantId = ?2", deploymentId, tenantId).firstResult();
        if (deployment == null) {
            throw notFound(deploymentId);
        }
        return deployment;
    }

    /** As {@link #get}, with the row locked for the caller's transaction: requests on one deployment are judged in turn. */
    public Deployment lock(long tenantId, long deploymentId) {
        Deployment deployment = Deployment.findById(deploymentId, LockModeType.PESSIMISTIC_WRITE);
        if (deployment == null || deployment.tenantId != tenantId) {
            throw notFound(deploymentId);
        }
        return deployment;
    }

    /** Its nodes, oldest placement first. */
    public List<DeploymentNode> nodes(long deploymentId) {
        return DeploymentNode.list("deploymentId = ?1 order by id", deploymentId);
    }

    public List<Long> nodeIds(long deploymentId) {
        return nodes(deploymentId).stream().map(n -> n.nodeId).toList();
    }

    /** The placement of this node in this deployment; null when the node is not (or no longer) part of it. */
    public DeploymentNode node(long deploymentId, long nodeId) {
        return DeploymentNode.<DeploymentNode>find("deploymentId = ?1 and nodeId = ?2", deploymentId, nodeId).firstResult();
    }

    private static DomainException notFound(long deploymentId) {
        return new DomainException.NotFound("Deployment " + deploymentId + " was not found.");
    }
}
