package io.lodestar.supervisor.tenancy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.SecretFiles;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * On the first start of an empty database: a default tenant › division › environment and an admin
 * API key holding every permission. The key is taken from configuration, or generated and printed once.
 */
@ApplicationScoped
public class TenancyBootstrap {

    static final String DEFAULT_NAME = TenancyService.DEFAULT_NAME;

    @Inject
    SupervisorConfig config;

    @Inject
    Ids ids;

    @Inject
    TenancyService tenancy;

    @Inject
    Clock clock;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (Tenant.count() == 0) {
            createDefaultTenant();
        }
        if (ApiKey.count() == 0) {
            createAdminKey(Tenant.<Tenant>find("order by id").firstResult().id);
        }
    }

    private void createDefaultTenant() {
        Tenant tenant = tenancy.newTenant(DEFAULT_NAME, Plan.ENTERPRISE);
        tenancy.newEnvironment(tenant.id, tenancy.newDivision(tenant.id, DEFAULT_NAME).id, DEFAULT_NAME);
    }

    private void createAdminKey(long tenantId) {
        String secret = config.bootstrap().adminKey().orElseGet(() -> Secrets.generate("ld_"));
        if (secret.length() < 32) {
            throw new IllegalStateException("supervisor.bootstrap.admin-key must be at least 32 characters long");
        }
        ApiKey key = new ApiKey();
        key.id = ids.next();
        key.tenantId = tenantId;
        key.name = "admin";
        key.keyPrefix = secret.substring(0, 8);
        key.keyHash = Secrets.hash(secret);
        key.permissions = ApiKey.encode(EnumSet.allOf(Permission.class));
        key.createdAt = clock.instant();
        key.persist();
        if (config.bootstrap().adminKey().isEmpty()) {
            Log.infof("Created the admin API key (shown only this once): %s", secret);
        } else {
            Log.info("Created the admin API key from supervisor.bootstrap.admin-key");
        }
        config.bootstrap().adminKeyFile().filter(f -> !f.isBlank()).ifPresent(file -> writeKeyFile(Path.of(file), secret));
    }

    private static void writeKeyFile(Path file, String secret) {
        try {
            SecretFiles.writeOwnerOnly(file, secret + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the admin key to " + file + ": " + e.getMessage(), e);
        }
    }
}
