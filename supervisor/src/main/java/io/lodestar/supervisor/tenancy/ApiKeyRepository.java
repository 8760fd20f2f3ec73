package io.lodestar.supervisor.tenancy;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, Long> {

    /** The key whose hash matches, if it is neither revoked nor expired. */
    public Optional<ApiKey> findUsable(String presented, Instant now) {
        return find("keyHash", Secrets.hash(presented)).firstResultOptional()
                .filter(key -> key.usableAt(now));
    }
}
