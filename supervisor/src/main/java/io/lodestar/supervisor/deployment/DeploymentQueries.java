package io.lodestar.supervisor.deployment;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.common.Counts;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.placement.Deployments;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

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
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenantId);
        filters.status().ifPresent(status -> {
            where.append(" and status = :status");
            params.and("status", status);
        });
        filters.environmentId().ifPresent(environment -> {
            where.append(" and environmentId = :environment");
            params.and("environment", environment);
        });
        filters.agentId().ifPresent(agent -> {
            where.append(" and id in (select n.deploymentId from DeploymentNode n where n.nodeId = :agent)");
            params.and("agent", agent);
        });
        PanacheQuery<Deployment> query = Deployment.find(where + " order by id desc", params);
        return Page.of(query, request, d -> DeploymentView.of(d, deployments.nodeIds(d.id)));
    }

    /**
     * Newest first. With {@code before_id} (keyset), the page holds events older than that id, so paging
     * while new events arrive neither repeats nor skips any.
     */
    public DeploymentEventsPage events(long tenantId, long deploymentId, EventFilters filters, PageRequest request) {
        Deployment deployment = deployments.get(tenantId, deploymentId);
        StringBuilder where = new StringBuilder("deploymentId = :deployment");
        Parameters params = Parameters.with("deployment", deploymentId);
        filters.eventType().ifPresent(type -> {
            where.append(" and eventType = :type");
            params.and("type", type);
        });
        filters.status().ifPresent(status -> {
            where.append(" and status = :status");
            params.and("status", status);
        });
        filters.beforeId().ifPresent(before -> {
            where.append(" and id < :before");
            params.and("before", before);
        });
        PanacheQuery<DeploymentEvent> query = DeploymentEvent.find(where + " order by id desc", params);
        List<DeploymentEvent> rows = request.rows(query);
        return DeploymentEventsPage.of(deployment,
                Page.bounded(rows, Counts.upToLimit(DeploymentEvent.class, where.toString(), params), request, DeploymentEventView::of));
    }
}
