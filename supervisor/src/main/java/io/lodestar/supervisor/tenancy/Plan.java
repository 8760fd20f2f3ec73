package io.lodestar.supervisor.tenancy;

import java.util.Arrays;

import io.lodestar.supervisor.common.DomainException;

/** A tenant's plan; it sets limits such as how many snapshots a deployment keeps. */
public enum Plan {
    BASIC, PRO, ENTERPRISE;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Plan parse(String value) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new DomainException.Invalid("Unknown plan '" + value + "'; use basic, pro or enterprise."));
    }
}
