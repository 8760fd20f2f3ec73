package io.lodestar.supervisor.tenancy;

import java.util.Optional;

import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.ResponseStatus;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.lodestar.supervisor.common.JsonBodies;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.tenancy.TenancyViews.DivisionView;
import io.lodestar.supervisor.tenancy.TenancyViews.EnvironmentView;
import io.lodestar.supervisor.tenancy.TenancyViews.TenantView;

/**
 * Tenants, divisions and environments. Creating a tenant, and revoking a key of any tenant, are the
 * operator's ({@code operator}); every other route needs {@code tenant:manage} and sees the caller's tenant only.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(Permission.TENANT_MANAGE)
public class TenancyResource {

    @Inject
    Caller caller;

    @Inject
    TenancyService tenancy;

    @Inject
    ApiKeyService keys;

    /** {@code {"name":…, "plan":"basic|pro|enterprise"}} → 201 with the tenant and its first key (shown once). */
    @POST
    @Path("tenants")
    @ResponseStatus(201)
    @RequiresPermission(Permission.OPERATOR)
    public TenantView createTenant(String body) {
        JsonNode request = JsonBodies.optionalObject(body);
        String name = TenancyBodies.name(request, "a tenant name");
        Plan plan = Plan.parse(request.path("plan").asText("basic"));
        return tenancy.createTenant(name, plan);
    }

    @GET
    @Path("tenants")
    public Page<TenantView> listTenants(@QueryParam("page") Integer page, @QueryParam("results") Integer results,
            @QueryParam("skip") Integer skip, @QueryParam("limit") Integer limit) {
        return tenancy.listTenants(caller.tenantId(), PageRequest.of(page, results, skip, limit));
    }

    @GET
    @Path("tenants/{tenant_id}")
    public TenantView tenant(@PathParam("tenant_id") String tenantId) {
        return tenancy.tenant(caller.tenantId(), PathIds.parse(tenantId, "tenant_id"));
    }

    /** The operator's way to revoke a key of any tenant, including the last one that can manage it. */
    @DELETE
    @Path("tenants/{tenant_id}/api-keys/{api_key_id}")
    @RequiresPermission(Permission.OPERATOR)
    public ApiKeyView revokeKey(@PathParam("tenant_id") String tenantId, @PathParam("api_key_id") String keyId) {
        return keys.revokeAsOperator(PathIds.parse(tenantId, "tenant_id"), PathIds.parse(keyId, "api_key_id"));
    }

    @POST
    @Path("divisions")
    @ResponseStatus(201)
    public DivisionView createDivision(String body) {
        String name = TenancyBodies.name(JsonBodies.optionalObject(body), "a division name");
        return tenancy.createDivision(caller.tenantId(), name);
    }

    @GET
    @Path("divisions")
    public Page<DivisionView> listDivisions(@QueryParam("page") Integer page, @QueryParam("results") Integer results,
            @QueryParam("skip") Integer skip, @QueryParam("limit") Integer limit) {
        return tenancy.listDivisions(caller.tenantId(), PageRequest.of(page, results, skip, limit));
    }

    @GET
    @Path("divisions/{division_id}")
    public DivisionView division(@PathParam("division_id") String divisionId) {
        return tenancy.division(caller.tenantId(), PathIds.parse(divisionId, "division_id"));
    }

    /** {@code {"name":…, "division_id":…?}}; the division defaults to the tenant's first. */
    @POST
    @Path("environments")
    @ResponseStatus(201)
    public EnvironmentView createEnvironment(String body) {
        JsonNode request = JsonBodies.optionalObject(body);
        String name = TenancyBodies.name(request, "an environment name");
        Optional<Long> division = Optional.ofNullable(request.get("division_id")).filter(n -> !n.isNull())
                .map(n -> JsonBodies.id(n, "division_id"));
        return tenancy.createEnvironment(caller.tenantId(), division, name);
    }

    @GET
    @Path("environments")
    public Page<EnvironmentView> listEnvironments(@QueryParam("page") Integer page, @QueryParam("results") Integer results,
            @QueryParam("skip") Integer skip, @QueryParam("limit") Integer limit,
            @QueryParam("division_id") String divisionId) {
        return tenancy.listEnvironments(caller.tenantId(),
                Optional.ofNullable(divisionId).map(id -> PathIds.parse(id, "division_id")),
                PageRequest.of(page, results, skip, limit));
    }

    @GET
    @Path("environments/{environment_id}")
    public EnvironmentView environment(@PathParam("environment_id") String environmentId) {
        return tenancy.environment(caller.tenantId(), PathIds.parse(environmentId, "environment_id"));
    }
}
