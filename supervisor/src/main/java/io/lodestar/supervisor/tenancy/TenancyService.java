package io.lodestar.supervisor.tenancy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.lodestar.supervisor.common.DomainException;

/** Resolves where new records live for a tenant. */
@ApplicationScoped
public class TenancyService {

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
}
