package io.lodestar.supervisor.iggy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.lodestar.supervisor.activity.ReconfigureRequested;
import io.quarkus.logging.Log;

/** Refuses a reconfigure whose plan has a dangerous change, unless the request says {@code "force": true}. */
@ApplicationScoped
public class ReconfigureGuard {

    @Inject
    ReconfigurePlanner planner;

    void onReconfigure(@Observes ReconfigureRequested request) {
        ReconfigurePlan plan = planner.plan(request.deploymentId(), request.config(), request.nodeIds());
        if (!plan.dangerous()) {
            return;
        }
        if (!request.force()) {
            throw new DangerousReconfigure(request.config().id, plan);
        }
        Log.warnf("Deployment %d: reconfigure with config %d forced despite dangerous keys %s", request.deploymentId(),
                request.config().id, plan.nodes().stream().flatMap(n -> n.dangerous().stream()).map(ConfigDanger::key)
                        .distinct().toList());
    }
}
