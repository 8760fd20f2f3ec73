package io.lodestar.supervisor.config;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.common.OwnedBodies;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.common.Runtimes;
import io.lodestar.supervisor.placement.Deployments;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** Runtime configurations, the versions {@code reconfigure:{config_id}} applies. */
@Path("/deployments/{deployment_id}/configs")
@Produces(MediaType.APPLICATION_JSON)
public class RuntimeConfigResource {

    @Inject
    Deployments deployments;

    @Inject
    Caller caller;

    @Inject
    RuntimeConfigService configs;

    @Inject
    OwnedBodies bodies;

    @POST
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response create(@PathParam("deployment_id") String deploymentId,
            NewRuntimeConfigRequest body) {
        long deployment = PathIds.parse(deploymentId, "deployment_id");
        deployments.get(caller.tenantId(), deployment); // another tenant's deployment is a 404 whatever the body says
        NewRuntimeConfigRequest request = bodies.valid(body, NewRuntimeConfigRequest.BODY_REQUIRED);
        RuntimeConfigView created = configs.create(caller.tenantId(), caller.authorId(), deployment,
                new RuntimeConfigService.NewRuntimeConfig(Runtimes.parse(request.runtime()), request.name().strip(),
                        request.content()));
        return Response.status(201).entity(created).build();
    }

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Page<RuntimeConfigView> list(@PathParam("deployment_id") String deploymentId,
            @BeanParam PageParams paging) {
        return configs.list(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"),
                paging.toRequest());
    }

    @GET
    @Path("/{config_id}")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public RuntimeConfigView get(@PathParam("deployment_id") String deploymentId, @PathParam("config_id") String configId) {
        return configs.get(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"),
                PathIds.parse(configId, "config_id"));
    }
}
