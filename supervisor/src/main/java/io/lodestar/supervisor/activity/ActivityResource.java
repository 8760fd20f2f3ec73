package io.lodestar.supervisor.activity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.common.ActionSpec;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
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
            @PathParam("action") String action, @QueryParam("queue") String queue, @RequestBody(required = false) @Valid TriggerActivityRequest body) {
        RuntimeName runtimeName = Runtimes.parse(runtime);
        ActionSpec spec = ActionSpec.parse(action);
        long deployment = PathIds.parse(deploymentId, "deployment_id");
        Optional<List<Long>> nodes = body == null ? Optional.empty() : body.targets();
        boolean force = body != null && body.forced();
        List<ActivityView> created = activities.trigger(caller.tenantId(), caller.authorId(), deployment, runtimeName,
                spec, nodes, queueFlag(queue), force);
        return Response.accepted(Map.of("items", created)).build();
    }

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Page<ActivityView> list(@PathParam("deployment_id") String deploymentId,
            @BeanParam PageParams paging,
            @QueryParam("status") String status, @QueryParam("runtime") String runtime,
            @QueryParam("action") String action, @QueryParam("node_id") String nodeId) {
        PageRequest request = paging.toRequest();
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
}
