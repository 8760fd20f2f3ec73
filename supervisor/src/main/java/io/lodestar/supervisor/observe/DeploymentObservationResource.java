package io.lodestar.supervisor.observe;

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

/** Logs and metrics of a deployment's nodes (seed 002). */
@Path("/deployments/{deployment_id}")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentObservationResource {

    @GET
    @Path("/logs")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Response logs(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Deployment logs");
    }

    @GET
    @Path("/metrics")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Response metrics(@Context UriInfo uri) {
        return NotYetAvailable.problem(uri, "Deployment metrics");
    }
}
