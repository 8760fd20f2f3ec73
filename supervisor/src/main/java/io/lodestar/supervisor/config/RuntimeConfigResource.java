package io.lodestar.supervisor.config;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.lodestar.supervisor.common.NotYetAvailable;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** Runtime configurations, the versions {@code reconfigure:{config_id}} applies. */
@Path("/deployments/{deployment_id}/configs")
@Produces(MediaType.APPLICATION_JSON)
public class RuntimeConfigResource {

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Response list(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Runtime configurations");
    }

    @GET
    @Path("/{rest: .+}")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Response read(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Runtime configurations");
    }

    @POST
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response create(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Runtime configurations");
    }
}
