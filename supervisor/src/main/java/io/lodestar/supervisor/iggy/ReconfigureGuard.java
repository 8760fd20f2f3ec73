package io.lodestar.supervisor.iggy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.activity.ReconfigureRequested;
import io.lodestar.supervisor.placement.Deployment;
import io.quarkus.logging.Log;

/** Refuses a reconfigure whose plan has a dangerous change, unless the request says {@code "force": true}. */
@ApplicationScoped
public class ReconfigureGuard {

    @Inject
    ReconfigurePlanner planner;

    void onReconfigure(@Observes ReconfigureRequested request) {
        ReconfigurePlan plan = planner.plan(request.deploymentId(), request.config(), request.nodeIds());
        if (plan.dangerous() && !request.force()) {
            throw new DangerousReconfigure(request.config().id, plan);
        }
        refuseClusterRename(request);
        if (!plan.dangerous()) {
            return;
        }
        Log.warnf("Deployment %d: reconfigure with config %d forced despite dangerous keys %s", request.deploymentId(),
                request.config().id, plan.nodes().stream().flatMap(n -> n.dangerous().stream()).map(ConfigDanger::key)
                        .distinct().toList());
    }

    /**
     * A cluster deployment keeps its name: each replica hashed it into its superblock and refuses to boot under
     * another one, so no force helps; the roster would also need fresh data directories on every replica.
     */
    private static void refuseClusterRename(ReconfigureRequested request) {
        Deployment deployment = Deployment.findById(request.deploymentId());
        if (deployment == null || !deployment.isCluster() || !request.config().runtime.equals(RuntimeName.IGGY.wireName())) {
            return;
        }
        String name = ReconfigurePlanner.values(request.config().content).getOrDefault("cluster.name", deployment.clusterName);
        if (!name.equals(deployment.clusterName)) {
            throw new ClusterRefusal("cluster_rename", "Config " + request.config().id + " renames Iggy cluster '"
                    + deployment.clusterName + "' to '" + name + "', which Iggy cannot do on existing data: each replica "
                    + "hashed the name into its on-disk identity and refuses to boot under another one (VsrState.cluster, "
                    + "core/consensus/src/vsr_state.rs:55; SuperblockIdentityMismatch, core/metadata/src/impls/recovery.rs)."
                    + " \"force\" does not change that. Keep cluster.name '" + deployment.clusterName + "', or create a "
                    + "new cluster deployment with fresh data directories.");
        }
    }
}
