package io.lodestar.supervisor.limits;

import java.util.Set;

/** The class of a request for rate limiting; each has its own bucket per key, so reads never starve actions. */
public enum RateClass {
    /** GET, HEAD, OPTIONS. */
    READ,
    /** POST, PUT, PATCH, DELETE: actions, creations, changes. */
    WRITE;

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    public String wireName() {
        return name().toLowerCase();
    }

    public static RateClass of(String httpMethod) {
        return READS.contains(httpMethod) ? READ : WRITE;
    }
}
