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
 * API key holding every permission, {@code operator} included: the default tenant is the operator's.
 * The key is taken from configuration, or generated and printed once. A database from before the
 * {@code operator} permission existed, or whose operator keys were all revoked or expired, has it granted
 * to the operator tenant's oldest usable managing key at start. Replicas sharing a database run this one
 * at a time, under a row lock.
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
        // Replicas starting together on an empty database take turns here: the second waits for the
        // first's commit and then finds its tenant and key (V10's supervisor_locks row).
        Tenant.getEntityManager().createNativeQuery("select name from supervisor_locks where name = 'bootstrap' for update")
                .getResultList();
        if (Tenant.count() == 0) {
            createDefaultTenant();
        }
        if (ApiKey.count() == 0) {
            createAdminKey(Tenant.<Tenant>find("order by id").firstResult().id);
        } else if (ApiKey.<ApiKey>list("permissions like ?1", "%" + Permission.OPERATOR.wireName() + "%").stream()
                .noneMatch(key -> key.usableAt(clock.instant()))) {
            grantOperatorToOldestAdmin();
        }
    }

    /** The first tenant created is the operator's; its oldest usable key that manages it becomes the operator's key. */
    private void grantOperatorToOldestAdmin() {
        Tenant operatorTenant = Tenant.<Tenant>find("order by createdAt, id").firstResult();
        ApiKey.<ApiKey>list("tenantId = ?1 and revokedAt is null order by createdAt, id", operatorTenant.id).stream()
                .filter(key -> key.usableAt(clock.instant()) && key.permissionSet().containsAll(
                        EnumSet.of(Permission.TENANT_MANAGE, Permission.APIKEY_MANAGE)))
                .findFirst()
                .ifPresentOrElse(key -> {
                    EnumSet<Permission> held = EnumSet.of(Permission.OPERATOR);
                    held.addAll(key.permissionSet());
                    key.permissions = ApiKey.encode(held);
                    Log.infof("Granted the operator permission to API key %d (%s) of tenant %d", key.id, key.name,
                            operatorTenant.id);
                }, () -> Log.warnf("No usable key of tenant %d manages it; no key holds the operator permission",
                        operatorTenant.id));
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
