package io.lodestar.supervisor.tenancy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;

/**
 * What an API key may do. A {@code :manage} permission includes the matching {@code :read}.
 * {@link #OPERATOR} is the operator's: only keys of the operator's tenant hold it (the admin key the
 * Supervisor creates on first start, and keys that key grants it to), so no tenant's key can hold or
 * grant it.
 */
public enum Permission {
    DEPLOYMENT_READ("deployment:read"),
    DEPLOYMENT_MANAGE("deployment:manage"),
    AGENT_READ("agent:read"),
    AGENT_MANAGE("agent:manage"),
    APIKEY_MANAGE("apikey:manage"),
    TENANT_MANAGE("tenant:manage"),
    /** Create, read, test and delete the tenant's webhooks (they carry its events to any URL). */
    WEBHOOK_MANAGE("webhook:manage"),
    /** Create tenants and revoke any tenant's keys, its last managing key included. */
    OPERATOR("operator");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True when holding this permission grants {@code wanted}. */
    public boolean grants(Permission wanted) {
        return this == wanted || (wireName.endsWith(":manage")
                && wanted.wireName.equals(wireName.replace(":manage", ":read")));
    }

    /** Every permission a tenant's key can hold: all but {@link #OPERATOR}. */
    public static EnumSet<Permission> ofTenants() {
        return EnumSet.complementOf(EnumSet.of(OPERATOR));
    }

    public static Optional<Permission> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
