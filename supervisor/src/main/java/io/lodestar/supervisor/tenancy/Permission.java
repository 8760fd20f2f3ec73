package io.lodestar.supervisor.tenancy;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do. A {@code :manage} permission includes the matching {@code :read}. */
public enum Permission {
    DEPLOYMENT_READ("deployment:read"),
    DEPLOYMENT_MANAGE("deployment:manage"),
    AGENT_READ("agent:read"),
    AGENT_MANAGE("agent:manage"),
    APIKEY_MANAGE("apikey:manage"),
    TENANT_MANAGE("tenant:manage");

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

    public static Optional<Permission> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
