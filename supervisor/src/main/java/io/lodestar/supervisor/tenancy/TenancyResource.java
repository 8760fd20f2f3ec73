package io.lodestar.supervisor.tenancy;

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

import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
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
    public TenantView createTenant(@Valid @NotNull(message = TenancyBodies.BODY_REQUIRED) TenancyBodies.NewTenant body) {
        Plan plan = Plan.parse(body.plan() == null ? "basic" : body.plan());
        return tenancy.createTenant(body.name().trim(), plan);
    }

    @GET
    @Path("tenants")
    public Page<TenantView> listTenants(@BeanParam PageParams paging) {
        return tenancy.listTenants(caller.tenantId(), paging.toRequest());
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
    public DivisionView createDivision(@Valid @NotNull(message = TenancyBodies.BODY_REQUIRED) TenancyBodies.NewDivision body) {
        return tenancy.createDivision(caller.tenantId(), body.name().trim());
    }

    @GET
    @Path("divisions")
    public Page<DivisionView> listDivisions(@BeanParam PageParams paging) {
        return tenancy.listDivisions(caller.tenantId(), paging.toRequest());
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
    public EnvironmentView createEnvironment(
            @Valid @NotNull(message = TenancyBodies.BODY_REQUIRED) TenancyBodies.NewEnvironment body) {
        return tenancy.createEnvironment(caller.tenantId(), Optional.ofNullable(body.divisionId()), body.name().trim());
    }

    @GET
    @Path("environments")
    public Page<EnvironmentView> listEnvironments(@BeanParam PageParams paging,
            @QueryParam("division_id") String divisionId) {
        return tenancy.listEnvironments(caller.tenantId(),
                Optional.ofNullable(divisionId).map(id -> PathIds.parse(id, "division_id")),
                paging.toRequest());
    }

    @GET
    @Path("environments/{environment_id}")
    public EnvironmentView environment(@PathParam("environment_id") String environmentId) {
        return tenancy.environment(caller.tenantId(), PathIds.parse(environmentId, "environment_id"));
    }
}
