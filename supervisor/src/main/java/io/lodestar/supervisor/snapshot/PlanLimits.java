package io.lodestar.supervisor.snapshot;

import java.time.Duration;
import java.util.Locale;

/** Per-deployment snapshot limits of each plan: how many snapshots it may hold and how long they are kept. */
public enum PlanLimits {
    BASIC(3, Duration.ofDays(7)),
    PRO(5, Duration.ofDays(14)),
    ENTERPRISE(20, Duration.ofDays(90));

    private final int maxSnapshots;
    private final Duration retention;

    PlanLimits(int maxSnapshots, Duration retention) {
        this.maxSnapshots = maxSnapshots;
        this.retention = retention;
    }

    public int maxSnapshots() {
        return maxSnapshots;
    }

    public Duration retention() {
        return retention;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The limits of a tenant's plan; an unknown plan gets the smallest, never none. */
    public static PlanLimits of(String plan) {
        if (plan != null) {
            for (PlanLimits limits : values()) {
                if (limits.wireName().equalsIgnoreCase(plan.trim())) {
                    return limits;
                }
            }
        }
        return BASIC;
    }
}
