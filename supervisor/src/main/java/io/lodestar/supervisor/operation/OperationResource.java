package io.lodestar.supervisor.operation;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** Operations (seed 003): the deployment-level jobs behind deploy, restart, scale, teardown and config rollout. */
@Path("/operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperationResource {

    @Inject
    Caller caller;

    @Inject
    OperationQueries queries;

    @Inject
    OperationService operations;

    /** {@code type} is the operation type; {@code id}, when given, the deployment the operations belong to. */
    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Page<OperationView> list(@QueryParam("type") String type, @QueryParam("id") String id,
            @BeanParam PageParams paging) {
        OperationQueries.Filters filters = new OperationQueries.Filters(
                Optional.ofNullable(id).map(raw -> PathIds.parse(raw, "id")), Optional.empty(),
                Optional.ofNullable(type).map(OperationType::parse));
        return queries.list(caller.tenantId(), filters, paging.toRequest());
    }

    @GET
    @Path("/{operation_id}")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public OperationView get(@PathParam("operation_id") String operationId) {
        return queries.view(find(operationId));
    }

    @GET
    @Path("/{operation_id}/log")
    @Produces(MediaType.TEXT_PLAIN)
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public String log(@PathParam("operation_id") String operationId) {
        Operation operation = find(operationId);
        return String.join("\n", queries.log(operation.id)) + "\n";
    }

    @POST
    @Path("/{operation_id}/kill")
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response kill(@PathParam("operation_id") String operationId) {
        Operation killing = operations.kill(find(operationId));
        return Response.status(202).entity(queries.view(killing)).build();
    }

    @DELETE
    @Path("/{operation_id}")
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response delete(@PathParam("operation_id") String operationId) {
        operations.delete(find(operationId));
        return Response.noContent().build();
    }

    private Operation find(String operationId) {
        return queries.get(caller.tenantId(), PathIds.parse(operationId, "operation_id"));
    }
}
