package io.lodestar.supervisor.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.common.ActionSpec;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.JsonBodies;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.common.Runtimes;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

@Path("/deployments/{deployment_id}/activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    Caller caller;

    @Inject
    ActivityService activities;

    /** Seeds 000/001: one activity per targeted node, 202 Accepted. */
    @POST
    @Path("/{runtime}/{action}")
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "202", description = "The created activities, one per node")
    public Response trigger(@PathParam("deployment_id") String deploymentId, @PathParam("runtime") String runtime,
            @PathParam("action") String action, @QueryParam("queue") String queue, String body) {
        RuntimeName runtimeName = Runtimes.parse(runtime);
        ActionSpec spec = ActionSpec.parse(action);
        long deployment = PathIds.parse(deploymentId, "deployment_id");
        Optional<List<Long>> nodes = requestedNodes(JsonBodies.optionalObject(body));
        List<ActivityView> created = activities.trigger(caller.tenantId(), caller.authorId(), deployment, runtimeName,
                spec, nodes, queueFlag(queue));
        return Response.accepted(Map.of("items", created)).build();
    }

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Page<ActivityView> list(@PathParam("deployment_id") String deploymentId,
            @QueryParam("page") Integer page, @QueryParam("results") Integer results,
            @QueryParam("skip") Integer skip, @QueryParam("limit") Integer limit,
            @QueryParam("status") String status, @QueryParam("runtime") String runtime,
            @QueryParam("action") String action, @QueryParam("node_id") String nodeId) {
        PageRequest request = PageRequest.of(page, results, skip, limit);
        ActivityService.Filters filters = new ActivityService.Filters(
                Optional.ofNullable(status).map(ActivityStatus::parse),
                Optional.ofNullable(runtime).map(Runtimes::parse),
                Optional.ofNullable(action).map(a -> ActionSpec.parse(a).wireName()),
                Optional.ofNullable(nodeId).map(n -> PathIds.parse(n, "node_id")));
        return activities.list(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"), filters, request);
    }

    @GET
    @Path("/{activity_id}")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public ActivityView get(@PathParam("deployment_id") String deploymentId, @PathParam("activity_id") String activityId) {
        return activities.get(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"),
                PathIds.parse(activityId, "activity_id"));
    }

    /** {@code queue=false} refuses with 409 instead of waiting behind an activity still processing. */
    private static boolean queueFlag(String queue) {
        if (queue == null || queue.equals("true")) {
            return true;
        }
        if (queue.equals("false")) {
            return false;
        }
        throw new DomainException.Invalid("queue must be true or false; got '" + queue + "'.");
    }

    private static Optional<List<Long>> requestedNodes(JsonNode body) {
        JsonNode nodes = body.get("nodes");
        if (nodes == null || nodes.isNull()) {
            return Optional.empty();
        }
        if (!nodes.isArray()) {
            throw new DomainException.Invalid("nodes must be an array of node ids, such as {\"nodes\":[610809900976570889]}.");
        }
        List<Long> ids = new ArrayList<>();
        nodes.forEach(node -> ids.add(JsonBodies.id(node, "nodes")));
        return Optional.of(ids);
    }
}
