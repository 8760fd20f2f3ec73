package io.lodestar.supervisor.tenancy;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.tenancy.TenancyViews.DivisionView;
import io.lodestar.supervisor.tenancy.TenancyViews.EnvironmentView;
import io.lodestar.supervisor.tenancy.TenancyViews.TenantView;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Tenants, divisions and environments: creates them and resolves where new records live for a tenant. */
@ApplicationScoped
public class TenancyService {

    static final String DEFAULT_NAME = "default";

    @Inject
    ApiKeyService keys;

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    /** The environment of that id if it belongs to the tenant, else the tenant's first environment. */
    public Scope environmentScope(long tenantId, Optional<Long> environmentId) {
        Environment environment = environmentId.isPresent()
                ? Environment.<Environment>find("id = ?1 and tenantId = ?2", environmentId.get(), tenantId).firstResult()
                : Environment.<Environment>find("tenantId = ?1 order by id", tenantId).firstResult();
        if (environment == null) {
            throw new DomainException.NotFound(environmentId
                    .map(id -> "Environment " + id + " was not found.")
                    .orElse("This tenant has no environment yet; create one first."));
        }
        return environment.scope();
    }

    /**
     * A new tenant with a default division and environment, and its first key holding every permission a
     * tenant's key can hold (shown once): a tenant is reachable only through its own keys.
     */
    @Transactional
    public TenantView createTenant(String name, Plan plan) {
        Tenant tenant = newTenant(name, plan);
        Environment environment = newEnvironment(tenant.id, newDivision(tenant.id, DEFAULT_NAME).id, DEFAULT_NAME);
        ApiKeyView admin = keys.issue(tenant.id, "admin", Permission.ofTenants(), null);
        return TenantView.of(tenant, admin);
    }

    /** The tenants a key sees: its own. */
    public Page<TenantView> listTenants(long tenantId, PageRequest request) {
        PanacheQuery<Tenant> query = Tenant.find("id = ?1", tenantId);
        return Page.of(query, request, t -> TenantView.of(t, null));
    }

    public TenantView tenant(long callerTenant, long tenantId) {
        Tenant tenant = callerTenant == tenantId ? Tenant.findById(tenantId) : null;
        if (tenant == null) {
            throw new DomainException.NotFound("Tenant " + tenantId + " was not found.");
        }
        return TenantView.of(tenant, null);
    }

    @Transactional
    public DivisionView createDivision(long tenantId, String name) {
        return DivisionView.of(newDivision(tenantId, name));
    }

    public Page<DivisionView> listDivisions(long tenantId, PageRequest request) {
        PanacheQuery<Division> query = Division.find("tenantId = ?1 order by id desc", tenantId);
        return Page.of(query, request, DivisionView::of);
    }

    public DivisionView division(long tenantId, long divisionId) {
        return DivisionView.of(ownedDivision(tenantId, divisionId));
    }

    /** In the given division, or the tenant's first when none is given. */
    @Transactional
    public EnvironmentView createEnvironment(long tenantId, Optional<Long> divisionId, String name) {
        Division division = divisionId.map(id -> ownedDivision(tenantId, id))
                .orElseGet(() -> Division.<Division>find("tenantId = ?1 order by id", tenantId).firstResult());
        if (division == null) {
            throw new DomainException.NotFound("This tenant has no division yet; create one with POST /divisions.");
        }
        return EnvironmentView.of(newEnvironment(tenantId, division.id, name));
    }

    public Page<EnvironmentView> listEnvironments(long tenantId, Optional<Long> divisionId, PageRequest request) {
        PanacheQuery<Environment> query = divisionId
                .map(d -> Environment.<Environment>find("tenantId = ?1 and divisionId = ?2 order by id desc", tenantId, d))
                .orElseGet(() -> Environment.find("tenantId = ?1 order by id desc", tenantId));
        return Page.of(query, request, EnvironmentView::of);
    }

    public EnvironmentView environment(long tenantId, long environmentId) {
        Environment environment = Environment.<Environment>find("id = ?1 and tenantId = ?2", environmentId, tenantId).firstResult();
        if (environment == null) {
            throw new DomainException.NotFound("Environment " + environmentId + " was not found.");
        }
        return EnvironmentView.of(environment);
    }

    Tenant newTenant(String name, Plan plan) {
        Tenant tenant = new Tenant();
        tenant.id = ids.next();
        tenant.name = name;
        tenant.plan = plan.wireName();
        tenant.createdAt = clock.instant();
        tenant.persist();
        return tenant;
    }

    Division newDivision(long tenantId, String name) {
        Division division = new Division();
        division.id = ids.next();
        division.tenantId = tenantId;
        division.name = name;
        division.createdAt = clock.instant();
        division.persist();
        return division;
    }

    Environment newEnvironment(long tenantId, long divisionId, String name) {
        Environment environment = new Environment();
        environment.id = ids.next();
        environment.tenantId = tenantId;
        environment.divisionId = divisionId;
        environment.name = name;
        environment.createdAt = clock.instant();
        environment.persist();
        return environment;
    }

    private static Division ownedDivision(long tenantId, long divisionId) {
        Division division = Division.<Division>find("id = ?1 and tenantId = ?2", divisionId, tenantId).firstResult();
        if (division == null) {
            throw new DomainException.NotFound("Division " + divisionId + " was not found.");
        }
        return division;
    }
}
