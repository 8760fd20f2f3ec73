package io.lodestar.supervisor.operation;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.lodestar.supervisor.agent.AgentService;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** The operations run on one agent (the seed's "server deployments"). */
@Path("/agents/{agent_id}/operations")
@Produces(MediaType.APPLICATION_JSON)
public class AgentOperationResource {

    @Inject
    Caller caller;

    @Inject
    OperationQueries queries;

    @Inject
    AgentService agents;

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Page<OperationView> list(@PathParam("agent_id") String agentId,
            @BeanParam PageParams paging) {
        long id = agents.get(caller.tenantId(), PathIds.parse(agentId, "agent_id")).id;
        return queries.list(caller.tenantId(), new OperationQueries.Filters(Optional.empty(), Optional.of(id), Optional.empty()),
                paging.toRequest());
    }
}
