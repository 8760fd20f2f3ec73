package io.lodestar.supervisor.operation;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.placement.Deployments;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** The operations of one deployment. */
@Path("/deployments/{deployment_id}/operations")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentOperationResource {

    @Inject
    Caller caller;

    @Inject
    OperationQueries queries;

    @Inject
    Deployments deployments;

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Page<OperationView> list(@PathParam("deployment_id") String deploymentId,
            @BeanParam PageParams paging) {
        long id = deployments.get(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id")).id;
        return queries.list(caller.tenantId(), new OperationQueries.Filters(Optional.of(id), Optional.empty(), Optional.empty()),
                paging.toRequest());
    }
}
