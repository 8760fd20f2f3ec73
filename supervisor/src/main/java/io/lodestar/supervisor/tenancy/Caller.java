package io.lodestar.supervisor.tenancy;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import io.lodestar.supervisor.common.DomainException;

/** Who made the current request: set by {@link ApiKeyFilter} from the {@code ld-api-key} header. */
@RequestScoped
public class Caller {

    private Long keyId;
    private long tenantId;
    private Set<Permission> permissions = Set.of();

    void authenticate(ApiKey key) {
        this.keyId = key.id;
        this.tenantId = key.tenantId;
        this.permissions = key.permissionSet();
    }

    public boolean has(Permission wanted) {
        return permissions.stream().anyMatch(p -> p.grants(wanted));
    }

    /** What this caller's key holds, as stored (a manage permission grants its read through {@link #has}). */
    public Set<Permission> permissions() {
        requireAuthenticated();
        return permissions;
    }

    /** The key of this request, or null before authentication (a 401). */
    public Long keyIdOrNull() {
        return keyId;
    }

    public Long tenantIdOrNull() {
        return keyId == null ? null : tenantId;
    }

    public long tenantId() {
        requireAuthenticated();
        return tenantId;
    }

    /** The author recorded on what this caller creates: the id of the API key that made the call. */
    public long authorId() {
        requireAuthenticated();
        return keyId;
    }

    private void requireAuthenticated() {
        if (keyId == null) {
            throw new DomainException.Unauthenticated("Send an API key in the ld-api-key header.");
        }
    }
}
