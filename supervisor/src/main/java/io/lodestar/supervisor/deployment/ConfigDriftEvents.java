package io.lodestar.supervisor.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.lodestar.supervisor.iggy.ConfigDriftChanged;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentStatus;

/** Records a node's config drift, and its end, as {@code config_drift} events of its deployment. */
@ApplicationScoped
public class ConfigDriftEvents {

    @Inject
    DeploymentLifecycle lifecycle;

    void onDrift(@Observes ConfigDriftChanged changed) {
        Deployment deployment = Deployment.findById(changed.deploymentId(), LockModeType.PESSIMISTIC_WRITE);
        if (deployment == null || deployment.status == DeploymentStatus.KILLED) {
            return;
        }
        String message = changed.drift() != null ? changed.drift()
                : "The config files on node " + changed.nodeId() + " match the versions Lodestar applied again.";
        lifecycle.record(deployment, DeploymentEventType.CONFIG_DRIFT, message, changed.nodeId(), null);
    }
}
