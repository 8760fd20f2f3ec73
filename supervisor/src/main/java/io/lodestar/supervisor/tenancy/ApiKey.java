package io.lodestar.supervisor.tenancy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.RecordedEntity;

/** An API key; only the SHA-256 of the secret is stored, never the key itself. */
@Entity
@Table(name = "api_keys")
public class ApiKey extends RecordedEntity {
    @Column(name = "tenant_id")
    public long tenantId;
    public String name;
    /** The first characters of the key, so a person can tell keys apart without the secret. */
    @Column(name = "key_prefix")
    public String keyPrefix;
    @Column(name = "key_hash")
    public String keyHash;
    /** Space-separated permission names. */
    public String permissions;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public Set<Permission> permissionSet() {
        return Arrays.stream(permissions.split(" "))
                .map(Permission::fromWireName)
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
    }

    public static String encode(Set<Permission> permissions) {
        return permissions.stream().map(Permission::wireName).sorted().collect(Collectors.joining(" "));
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
