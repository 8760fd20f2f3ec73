package io.lodestar.supervisor.rollout;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** A deployment's rollouts: every multi-node action and deployment job, newest first. */
@Path("/deployments/{deployment_id}/rollouts")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {

    @Inject
    Caller caller;

    @Inject
    RolloutService rollouts;

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Page<RolloutView> list(@PathParam("deployment_id") String deploymentId, @BeanParam PageParams paging) {
        return rollouts.list(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"), paging.toRequest());
    }

    @GET
    @Path("/{rollout_id}")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public RolloutView get(@PathParam("deployment_id") String deploymentId, @PathParam("rollout_id") String rolloutId) {
        return rollouts.get(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"), PathIds.parse(rolloutId, "rollout_id"));
    }

    /** Nodes not yet sent their action end cancelled; nodes already running it finish and report their true outcome. */
    @POST
    @Path("/{rollout_id}/cancel")
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public RolloutService.Cancelled cancel(@PathParam("deployment_id") String deploymentId,
            @PathParam("rollout_id") String rolloutId) {
        return rollouts.cancel(caller.tenantId(), caller.authorId(), PathIds.parse(deploymentId, "deployment_id"),
                PathIds.parse(rolloutId, "rollout_id"));
    }
}
