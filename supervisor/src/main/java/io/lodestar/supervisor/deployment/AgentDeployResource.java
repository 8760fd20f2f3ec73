package io.lodestar.supervisor.deployment;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.lodestar.supervisor.common.JsonBodies;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** Seed 002's agent-centric create path: a deployment on that one agent. */
@Path("/agents/{agent_id}/deploy")
@Produces(MediaType.APPLICATION_JSON)
public class AgentDeployResource {

    @Inject
    Caller caller;

    @Inject
    DeploymentService deployments;

    /** Body optional: {@code {"name":…, "runtimes":[…]}}; the name defaults to {@code agent-{agent_id}}. */
    @POST
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response deploy(@PathParam("agent_id") String agentId, String body) {
        long agent = PathIds.parse(agentId, "agent_id");
        DeploymentService.NewDeployment request = NewDeploymentBody.parse(JsonBodies.optionalObject(body), Optional.of(agent));
        return Response.status(201).entity(deployments.create(caller.tenantId(), caller.authorId(), request)).build();
    }
}
