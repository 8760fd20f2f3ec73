package io.lodestar.supervisor.deployment;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.common.Counts;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.common.Where;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.placement.Deployments;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** The reads of deployments and their lifecycle events, as the API shows them. */
@ApplicationScoped
public class DeploymentQueries {

    @Inject
    Deployments deployments;

    public record Filters(Optional<Long> agentId, Optional<DeploymentStatus> status, Optional<Long> environmentId) {
    }

    public record EventFilters(Optional<DeploymentEventType> eventType, Optional<DeploymentStatus> status,
            Optional<Long> beforeId) {
    }

    public DeploymentView view(long tenantId, long deploymentId) {
        Deployment deployment = deployments.get(tenantId, deploymentId);
        return DeploymentView.of(deployment, deployments.nodeIds(deployment.id));
    }

    public Page<DeploymentView> list(long tenantId, Filters filters, PageRequest request) {
        Where where = Where.of("tenantId = :tenant", "tenant", tenantId)
                .and(filters.status(), "status = :status", "status")
                .and(filters.environmentId(), "environmentId = :environment", "environment")
                .and(filters.agentId(), "id in (select n.deploymentId from DeploymentNode n where n.nodeId = :agent)", "agent");
        PanacheQuery<Deployment> query = Deployment.find(where.newestFirst(), where.params());
        return Page.of(query, request, d -> DeploymentView.of(d, deployments.nodeIds(d.id)));
    }

    /**
     * Newest first. With {@code before_id} (keyset), the page holds events older than that id, so paging
     * while new events arrive neither repeats nor skips any.
     */
    public DeploymentEventsPage events(long tenantId, long deploymentId, EventFilters filters, PageRequest request) {
        Deployment deployment = deployments.get(tenantId, deploymentId);
        Where where = Where.of("deploymentId = :deployment", "deployment", deploymentId)
                .and(filters.eventType(), "eventType = :type", "type")
                .and(filters.status(), "status = :status", "status")
                .and(filters.beforeId(), "id < :before", "before");
        PanacheQuery<DeploymentEvent> query = DeploymentEvent.find(where.newestFirst(), where.params());
        List<DeploymentEvent> rows = request.rows(query);
        return DeploymentEventsPage.of(deployment,
                Page.bounded(rows, Counts.upToLimit(DeploymentEvent.class, where.clause(), where.params()), request, DeploymentEventView::of));
    }
}
