package io.lodestar.supervisor.iggy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.activity.Activity;
import io.lodestar.supervisor.activity.ActivityFinished;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.common.FreeTextBound;
import io.lodestar.supervisor.config.RuntimeConfig;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentNode;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.quarkus.logging.Log;

/**
 * Config drift: a node whose runtime config file no longer is the version Lodestar applied there (edited by
 * hand, replaced, deleted). Checked when a Warden reports a different file and when a reconfigure ends;
 * kept on the agent ({@code config_drift}) and told as {@link ConfigDriftChanged} so the deployment records
 * an event. A node Lodestar never reconfigured has no version to drift from; a node in the middle of a
 * reconfigure is left alone until it ends.
 */
@ApplicationScoped
public class DriftMonitor {

    @Inject
    NodeConfigReports reports;

    @Inject
    AppliedConfigs applied;

    @Inject
    Event<ConfigDriftChanged> driftEvents;

    void onActivityFinished(@Observes ActivityFinished finished) {
        Activity activity = Activity.findById(finished.activityId());
        if (activity != null && activity.action.startsWith("reconfigure:")) {
            // The reconfigure wrote a new file or put the old one back: the last report describes neither, until the
            // node's next heartbeat. Kept, it made a plan see the refused version still running (a 409 for its keys).
            RuntimeName.fromWireName(activity.runtime).ifPresent(runtime -> reports.forget(activity.nodeId, runtime));
            check(activity.nodeId);
        }
    }

    /** Compares the node's reported files with the versions applied there; records a change of drift. */
    @Transactional
    public void check(long nodeId) {
        Agent agent = Agent.findById(nodeId);
        if (agent == null) {
            return;
        }
        for (DeploymentNode placement : DeploymentNode.<DeploymentNode>list("nodeId", nodeId)) {
            Deployment deployment = Deployment.findById(placement.deploymentId);
            if (deployment == null || deployment.status == DeploymentStatus.KILLED) {
                continue;
            }
            List<String> drifts = new ArrayList<>();
            for (RuntimeName runtime : deployment.runtimeNames()) {
                if (applied.reconfiguring(nodeId, runtime)) {
                    return; // the file is being replaced; the reconfigure's end checks again
                }
                drift(deployment.id, nodeId, runtime).ifPresent(drifts::add);
            }
            // Compared as stored: a drift longer than its column would otherwise differ from itself at every check.
            String drift = drifts.isEmpty() ? null : FreeTextBound.cut(String.join(" ", drifts), Agent.CONFIG_DRIFT_LENGTH);
            if (!Objects.equals(drift, agent.configDrift)) {
                Log.infof("Node %d config drift: %s", nodeId, drift == null ? "none (the files match again)" : drift);
                agent.configDrift = drift;
                driftEvents.fire(new ConfigDriftChanged(deployment.id, nodeId, drift));
            }
        }
    }

    private Optional<String> drift(long deploymentId, long nodeId, RuntimeName runtime) {
        Optional<RuntimeConfig> version = applied.applied(deploymentId, nodeId, runtime);
        Optional<NodeConfigReports.Report> report = reports.of(nodeId, runtime);
        if (version.isEmpty() || report.isEmpty()) {
            return Optional.empty();
        }
        RuntimeConfig config = version.get();
        Optional<String> checksum = report.get().knownChecksum();
        if (checksum.isEmpty()) {
            return Optional.of(runtime.wireName() + ": Lodestar applied config " + config.id + " but the Warden cannot read "
                    + "the file now (" + report.get().unread() + ").");
        }
        if (checksum.get().equals(config.checksum)) {
            return Optional.empty();
        }
        return Optional.of(runtime.wireName() + ": the config file on the node (sha256 " + checksum.get().substring(0, 12)
                + "…) is not config " + config.id + " that Lodestar applied (sha256 " + config.checksum.substring(0, 12)
                + "…): it was changed outside Lodestar; reconfigure to put a version back.");
    }
}
