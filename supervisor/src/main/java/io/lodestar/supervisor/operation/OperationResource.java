package io.lodestar.supervisor.operation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.lodestar.supervisor.common.NotYetAvailable;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** Operations (seed 003): the deployment-level jobs behind deploy, restart, scale, teardown and config rollout. */
@Path("/deployments/{deployment_id}/operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperationResource {

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Response byDeployment(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Operations");
    }
}
