package io.lodestar.supervisor.observe;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.agent.AgentService;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/**
 * The newest host figures of every node of the tenant, in the pages and order of {@code GET /agents}: what a fleet
 * view shows beside each node without asking each deployment for its metrics.
 */
@Path("/metrics/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodeFiguresResource {

    @Inject
    Caller caller;

    @Inject
    AgentService agents;

    @Inject
    DeploymentMetrics metrics;

    /** @param host the newest stored point (at most a minute old while the node reports); null when it never reported */
    public record NodeFigures(@JsonProperty("node_id") long nodeId, DeploymentMetrics.HostPoint host) {
    }

    @GET
    @RequiresPermission(Permission.AGENT_READ)
    @Operation(summary = "The newest host figures of the tenant's nodes, paged like GET /agents")
    public Page<NodeFigures> list(@BeanParam PageParams paging) {
        Page<Long> ids = agents.ids(caller.tenantId(), paging.toRequest());
        Map<Long, DeploymentMetrics.HostPoint> latest = metrics.latestHost(ids.items());
        return ids.map(id -> new NodeFigures(id, latest.get(id)));
    }
}
