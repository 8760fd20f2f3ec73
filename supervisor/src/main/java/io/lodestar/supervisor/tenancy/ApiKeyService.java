package io.lodestar.supervisor.tenancy;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Creates, lists and revokes a tenant's API keys; a key's secret leaves the Supervisor once, at creation. */
@ApplicationScoped
public class ApiKeyService {

    static final String PREFIX = "ld_";

    /** Without a usable key holding each of these, nobody could manage the tenant again. */
    private static final List<Permission> MANAGING = List.of(Permission.APIKEY_MANAGE, Permission.TENANT_MANAGE);

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    public record NewKey(String name, Set<Permission> permissions, Optional<Instant> expiresAt) {
    }

    /**
     * A key can grant only what its creator holds, so {@code apikey:manage} never escalates into more.
     * The secret is returned here and stored only as its SHA-256.
     */
    @Transactional
    public ApiKeyView create(long tenantId, Set<Permission> creatorHolds, NewKey request) {
        List<String> beyond = beyond(creatorHolds, request.permissions());
        if (!beyond.isEmpty()) {
            throw new DomainException.Forbidden("This API key cannot grant " + String.join(", ", beyond)
                    + ", which it does not hold itself.");
        }
        Instant now = clock.instant();
        request.expiresAt().filter(at -> !at.isAfter(now)).ifPresent(at -> {
            throw new DomainException.Invalid("expires_at must be in the future; got " + at + ".");
        });
        return issue(tenantId, request.name(), request.permissions(), request.expiresAt().orElse(null));
    }

    /** Writes a new key; the answer is the only place its secret appears. */
    ApiKeyView issue(long tenantId, String name, Set<Permission> permissions, Instant expiresAt) {
        String secret = Secrets.generate(PREFIX);
        ApiKey key = new ApiKey();
        key.id = ids.next();
        key.tenantId = tenantId;
        key.name = name;
        key.keyPrefix = secret.substring(0, 8);
        key.keyHash = Secrets.hash(secret);
        key.permissions = ApiKey.encode(permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
        key.createdAt = clock.instant();
        key.expiresAt = expiresAt;
        key.persist();
        return ApiKeyView.withSecret(key, secret);
    }

    public Page<ApiKeyView> list(long tenantId, PageRequest request) {
        PanacheQuery<ApiKey> query = ApiKey.find("tenantId = ?1 order by id desc", tenantId);
        return Page.of(query, request, ApiKeyView::of);
    }

    public ApiKeyView get(long tenantId, long keyId) {
        return ApiKeyView.of(owned(tenantId, keyId));
    }

    /**
     * Revokes at once: the next request with it is a 401. Revoking twice keeps the first time. The same
     * rule as creating: a key revokes only keys whose permissions it holds itself (403); and the tenant's
     * last usable key holding {@code apikey:manage} or {@code tenant:manage} is kept (409), since without
     * it nobody could manage the tenant again. Only the operator can revoke that one
     * ({@link #revokeAsOperator}).
     */
    @Transactional
    public ApiKeyView revoke(long tenantId, Set<Permission> callerHolds, long keyId) {
        ApiKey key = owned(tenantId, keyId);
        if (key.revokedAt != null) {
            return ApiKeyView.of(key);
        }
        List<String> beyond = beyond(callerHolds, key.permissionSet());
        if (!beyond.isEmpty()) {
            throw new DomainException.Forbidden("This API key cannot revoke API key " + keyId + ": that key holds "
                    + String.join(", ", beyond) + ", which this one does not hold itself.");
        }
        Tenant.findById(tenantId, LockModeType.PESSIMISTIC_WRITE); // one revocation at a time per tenant
        for (Permission managing : MANAGING) {
            if (key.permissionSet().contains(managing) && othersHolding(key, managing) == 0) {
                throw new DomainException.Conflict("API key " + keyId + " is this tenant's last usable key holding "
                        + managing.wireName() + "; revoking it would leave nobody able to manage the tenant. Create "
                        + "another key holding " + managing.wireName() + " first; only the operator can revoke the last one.");
            }
        }
        key.revokedAt = clock.instant();
        return ApiKeyView.of(key);
    }

    /** The operator's revocation of any tenant's key, its last managing key included. */
    @Transactional
    public ApiKeyView revokeAsOperator(long tenantId, long keyId) {
        ApiKey key = owned(tenantId, keyId);
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
        }
        return ApiKeyView.of(key);
    }

    /** The permissions among {@code wanted} that {@code holds} does not grant, by wire name. */
    private static List<String> beyond(Set<Permission> holds, Set<Permission> wanted) {
        return wanted.stream()
                .filter(w -> holds.stream().noneMatch(held -> held.grants(w)))
                .map(Permission::wireName).sorted().toList();
    }

    private long othersHolding(ApiKey key, Permission permission) {
        Instant now = clock.instant();
        return ApiKey.<ApiKey>list("tenantId = ?1 and id <> ?2 and revokedAt is null", key.tenantId, key.id).stream()
                .filter(other -> other.usableAt(now) && other.permissionSet().contains(permission))
                .count();
    }

    private static ApiKey owned(long tenantId, long keyId) {
        ApiKey key = ApiKey.<ApiKey>find("id = ?1 and tenantId = ?2", keyId, tenantId).firstResult();
        if (key == null) {
            throw new DomainException.NotFound("API key " + keyId + " was not found.");
        }
        return key;
    }
}
