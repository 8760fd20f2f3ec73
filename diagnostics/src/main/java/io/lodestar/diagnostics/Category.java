package io.lodestar.diagnostics;

import java.util.Locale;

/** Groups of checks; every check id starts with its category's prefix ({@code kernel.max_map_count}). */
public enum Category {
    OS("os"),
    CPU("cpu"),
    MEMORY("memory"),
    STORAGE("disk"),
    NETWORK("net"),
    KERNEL("kernel"),
    LIMITS("limits"),
    TIME("time"),
    RUNTIMES("runtime"),
    CERTIFICATES("certs"),
    SECURITY("security"),
    LOGS("logs");

    private final String idPrefix;

    Category(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    public String idPrefix() {
        return idPrefix;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
