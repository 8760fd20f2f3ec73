package io.lodestar.supervisor.deployment;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jboss.resteasy.reactive.ResponseStatus;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.lodestar.supervisor.common.OwnedBodies;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

@Path("/deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    @Inject
    Caller caller;

    @Inject
    DeploymentService deployments;

    @Inject
    DeploymentQueries queries;

    @Inject
    OwnedBodies bodies;

    @POST
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    @ResponseStatus(201)
    public DeploymentView create(@Valid @NotNull(message = NewDeploymentRequest.BODY_REQUIRED) NewDeploymentRequest body) {
        return deployments.create(caller.tenantId(), caller.authorId(), body.toNewDeployment());
    }

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Page<DeploymentView> list(@BeanParam PageParams paging,
            @QueryParam("agent_id") String agentId, @QueryParam("status") String status,
            @QueryParam("environment_id") String environmentId) {
        DeploymentQueries.Filters filters = new DeploymentQueries.Filters(
                Optional.ofNullable(agentId).map(id -> PathIds.parse(id, "agent_id")),
                Optional.ofNullable(status).map(DeploymentStatus::parse),
                Optional.ofNullable(environmentId).map(id -> PathIds.parse(id, "environment_id")));
        return queries.list(caller.tenantId(), filters, paging.toRequest());
    }

    @GET
    @Path("/{deployment_id}")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public DeploymentView get(@PathParam("deployment_id") String deploymentId) {
        return queries.view(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"));
    }

    /** Only from stopped or failed; goes to deploying. */
    @POST
    @Path("/{deployment_id}/restart")
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public DeploymentView restart(@PathParam("deployment_id") String deploymentId) {
        return deployments.restart(caller.tenantId(), caller.authorId(), PathIds.parse(deploymentId, "deployment_id"));
    }

    /** {@code {"replicas":N}}; only from running or ready. */
    @POST
    @Path("/{deployment_id}/scale")
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public DeploymentView scale(@PathParam("deployment_id") String deploymentId,
            ScaleRequest body) {
        long id = PathIds.parse(deploymentId, "deployment_id");
        queries.view(caller.tenantId(), id); // another tenant's deployment is a 404 whatever the body says
        int replicas = bodies.valid(body, ScaleRequest.BODY_REQUIRED).replicas();
        return deployments.scale(caller.tenantId(), caller.authorId(), id, replicas);
    }

    /** Marks the deployment killed and stops its runtimes. */
    @DELETE
    @Path("/{deployment_id}")
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public DeploymentView delete(@PathParam("deployment_id") String deploymentId) {
        return deployments.delete(caller.tenantId(), caller.authorId(), PathIds.parse(deploymentId, "deployment_id"));
    }

    /** Newest first; {@code before_id} pages by keyset, stable while events are being written. */
    @GET
    @Path("/{deployment_id}/events")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public DeploymentEventsPage events(@PathParam("deployment_id") String deploymentId,
            @BeanParam PageParams paging,
            @QueryParam("event_type") String eventType, @QueryParam("status") String status,
            @QueryParam("before_id") String beforeId) {
        PageRequest request = paging.toRequest();
        DeploymentQueries.EventFilters filters = new DeploymentQueries.EventFilters(
                Optional.ofNullable(eventType).map(DeploymentEventType::parse),
                Optional.ofNullable(status).map(DeploymentStatus::parse),
                Optional.ofNullable(beforeId).map(id -> PathIds.parse(id, "before_id")));
        return queries.events(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"), filters, request);
    }
}
