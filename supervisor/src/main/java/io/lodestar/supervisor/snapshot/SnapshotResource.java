package io.lodestar.supervisor.snapshot;

import jakarta.ws.rs.DELETE;
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

/** Seed 004. */
@Path("/deployments/{deployment_id}/snapshots")
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotResource {

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Response list(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Snapshots");
    }

    @GET
    @Path("/{rest: .+}")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Response read(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Snapshots");
    }

    @POST
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response create(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Snapshots");
    }

    @DELETE
    @Path("/{snapshot_id}")
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response delete(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Snapshots");
    }
}
