package io.lodestar.supervisor.deployment;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.lodestar.supervisor.agent.AgentService;
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

    @Inject
    AgentService agents;

    /** Body optional: {@code {"name":…, "runtimes":[…]}}; the name defaults to {@code agent-{agent_id}}. */
    @POST
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    @ResponseStatus(201)
    public DeploymentView deploy(@PathParam("agent_id") String agentId, @RequestBody(required = false) @Valid AgentDeployRequest body) {
        long agent = PathIds.parse(agentId, "agent_id");
        agents.get(caller.tenantId(), agent); // another tenant's agent is a 404 here, as every path id
        AgentDeployRequest request = body == null ? AgentDeployRequest.DEFAULTS : body;
        return deployments.create(caller.tenantId(), caller.authorId(), request.toNewDeployment(agent));
    }
}
