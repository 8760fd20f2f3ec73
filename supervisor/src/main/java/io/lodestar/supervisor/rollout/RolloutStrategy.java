package io.lodestar.supervisor.rollout;

/** How a rollout's nodes are grouped into batches. */
public enum RolloutStrategy {
    /** Batches of max_concurrency nodes, each gated on health before the next. */
    ROLLING,
    /** Every node at once, in one batch. */
    PARALLEL;

    public String wireName() {
        return name().toLowerCase();
    }
}
