package io.lodestar.supervisor.snapshot;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** Seed 004: diagnostic snapshots of a deployment's nodes. */
@Path("/deployments/{deployment_id}/snapshots")
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotResource {

    @Inject
    Caller caller;

    @Inject
    SnapshotService snapshots;

    /** One item per node, all processing; 204 as the seed shows. */
    @POST
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response create(@PathParam("deployment_id") String deploymentId, @RequestBody(required = false) @Valid NewSnapshotRequest body) {
        NewSnapshotRequest request = body == null ? NewSnapshotRequest.DEFAULTS : body;
        snapshots.create(caller.tenantId(), deployment(deploymentId), request.options());
        return Response.noContent().build();
    }

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Page<SnapshotView> list(@PathParam("deployment_id") String deploymentId,
            @BeanParam PageParams paging) {
        return snapshots.list(caller.tenantId(), deployment(deploymentId), paging.toRequest());
    }

    @GET
    @Path("/{snapshot_id}")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public SnapshotView get(@PathParam("deployment_id") String deploymentId, @PathParam("snapshot_id") String snapshotId) {
        return snapshots.get(caller.tenantId(), deployment(deploymentId), PathIds.parse(snapshotId, "snapshot_id"));
    }

    @GET
    @Path("/{snapshot_id}/download")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Map<String, String> download(@PathParam("deployment_id") String deploymentId,
            @PathParam("snapshot_id") String snapshotId, @Context UriInfo uri) {
        return Map.of("url", snapshots.downloadUrl(caller.tenantId(), deployment(deploymentId),
                PathIds.parse(snapshotId, "snapshot_id"), uri.getBaseUri()).toString());
    }

    @DELETE
    @Path("/{snapshot_id}")
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response delete(@PathParam("deployment_id") String deploymentId, @PathParam("snapshot_id") String snapshotId) {
        snapshots.delete(caller.tenantId(), deployment(deploymentId), PathIds.parse(snapshotId, "snapshot_id"));
        return Response.noContent().build();
    }

    private static long deployment(String id) {
        return PathIds.parse(id, "deployment_id");
    }
}
