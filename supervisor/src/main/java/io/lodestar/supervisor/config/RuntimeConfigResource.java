package io.lodestar.supervisor.config;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.JsonBodies;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
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

    private static final int MAX_NAME = 200;

    @Inject
    Deployments deployments;

    @Inject
    Caller caller;

    @Inject
    RuntimeConfigService configs;

    @POST
    @RequiresPermission(Permission.DEPLOYMENT_MANAGE)
    public Response create(@PathParam("deployment_id") String deploymentId, String body) {
        long deployment = PathIds.parse(deploymentId, "deployment_id");
        deployments.get(caller.tenantId(), deployment); // another tenant's deployment is a 404 whatever the body says
        JsonNode request = JsonBodies.optionalObject(body);
        RuntimeName runtime = Runtimes.parse(text(request, "runtime"));
        String name = text(request, "name").strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new DomainException.Invalid("name must have 1 to " + MAX_NAME + " characters, such as \"iggy-tuned\".");
        }
        String content = text(request, "content");
        RuntimeConfigView created = configs.create(caller.tenantId(), caller.authorId(), deployment,
                new RuntimeConfigService.NewRuntimeConfig(runtime, name, content));
        return Response.status(201).entity(created).build();
    }

    @GET
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Page<RuntimeConfigView> list(@PathParam("deployment_id") String deploymentId,
            @QueryParam("page") Integer page, @QueryParam("results") Integer results,
            @QueryParam("skip") Integer skip, @QueryParam("limit") Integer limit) {
        return configs.list(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"),
                PageRequest.of(page, results, skip, limit));
    }

    @GET
    @Path("/{config_id}")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public RuntimeConfigView get(@PathParam("deployment_id") String deploymentId, @PathParam("config_id") String configId) {
        return configs.get(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"),
                PathIds.parse(configId, "config_id"));
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            throw new DomainException.Invalid(field + " is required: send {\"runtime\":\"iggy\",\"name\":\"…\",\"content\":\"<TOML>\"}.");
        }
        if (!value.isTextual()) {
            throw new DomainException.Invalid(field + " must be a JSON string; got " + value.getNodeType().name().toLowerCase() + ".");
        }
        return value.textValue();
    }
}
