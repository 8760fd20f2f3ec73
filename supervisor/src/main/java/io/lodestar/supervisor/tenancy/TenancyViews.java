package io.lodestar.supervisor.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** Tenants, divisions and environments as the API shows them. */
public final class TenancyViews {

    private TenancyViews() {
    }

    /** {@code admin_key} only in the answer that created the tenant: its first key, shown once. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TenantView(long id, String name, String plan, @JsonProperty("created_at") String createdAt,
            @JsonProperty("admin_key") ApiKeyView adminKey) {
        static TenantView of(Tenant tenant, ApiKeyView adminKey) {
            return new TenantView(tenant.id, tenant.name, tenant.plan, Times.format(tenant.createdAt), adminKey);
        }
    }

    public record DivisionView(long id, @JsonProperty("tenant_id") long tenantId, String name,
            @JsonProperty("created_at") String createdAt) {
        static DivisionView of(Division division) {
            return new DivisionView(division.id, division.tenantId, division.name, Times.format(division.createdAt));
        }
    }

    public record EnvironmentView(long id, @JsonProperty("tenant_id") long tenantId,
            @JsonProperty("division_id") long divisionId, String name, @JsonProperty("created_at") String createdAt) {
        static EnvironmentView of(Environment environment) {
            return new EnvironmentView(environment.id, environment.tenantId, environment.divisionId, environment.name,
                    Times.format(environment.createdAt));
        }
    }
}
