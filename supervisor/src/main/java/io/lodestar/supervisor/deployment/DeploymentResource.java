package io.lodestar.supervisor.deployment;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import io.lodestar.supervisor.activity.RuntimeName;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.JsonBodies;
import io.lodestar.supervisor.common.NotYetAvailable;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

@Path("/deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    @Inject
    Caller caller;

    @Inject
    DeploymentService deployments;

    @POST
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response create(String body) {
        JsonNode request = JsonBodies.optionalObject(body);
        String name = request.path("name").asText("").trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new DomainException.Invalid("name is required: a deployment name of 1 to 200 characters.");
        }
        List<Long> agentIds = new ArrayList<>();
        if (request.hasNonNull("agent_id")) {
            agentIds.add(JsonBodies.id(request.get("agent_id"), "agent_id"));
        }
        if (request.hasNonNull("agent_ids")) {
            if (!request.get("agent_ids").isArray()) {
                throw new DomainException.Invalid("agent_ids must be an array of agent ids.");
            }
            request.get("agent_ids").forEach(id -> agentIds.add(JsonBodies.id(id, "agent_ids")));
        }
        if (agentIds.isEmpty()) {
            throw new DomainException.Invalid("Give agent_id or agent_ids: the agents (nodes) to deploy on. List them with GET /agents.");
        }
        List<RuntimeName> runtimes = new ArrayList<>();
        if (request.hasNonNull("runtimes")) {
            if (!request.get("runtimes").isArray() || request.get("runtimes").isEmpty()) {
                throw new DomainException.Invalid("runtimes must be a non-empty array such as [\"iggy\", \"connectors\"].");
            }
            request.get("runtimes").forEach(r -> {
                RuntimeName runtime = RuntimeName.parse(r.asText());
                if (!runtimes.contains(runtime)) {
                    runtimes.add(runtime);
                }
            });
        } else {
            runtimes.add(RuntimeName.IGGY);
        }
        DeploymentView created = deployments.create(caller.tenantId(), caller.authorId(),
                new DeploymentService.NewDeployment(name, agentIds, runtimes));
        return Response.status(201).entity(created).build();
    }

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Page<DeploymentView> list(@QueryParam("page") Integer page, @QueryParam("results") Integer results,
            @QueryParam("skip") Integer skip, @QueryParam("limit") Integer limit) {
        return deployments.list(caller.tenantId(), PageRequest.of(page, results, skip, limit));
    }

    @GET
    @Path("/{deployment_id}")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public DeploymentView get(@PathParam("deployment_id") String deploymentId) {
        return deployments.view(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"));
    }

    @POST
    @Path("/{deployment_id}/{operation: restart|scale}")
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response lifecycle(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Restarting and scaling deployments");
    }

    @DELETE
    @Path("/{deployment_id}")
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response delete(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Deleting deployments");
    }

    @GET
    @Path("/{deployment_id}/events")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Response events(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Deployment events");
    }
}
