package io.lodestar.supervisor.activity;

/**
 * Fired inside the transaction that ends an activity, so other features can react in the same commit.
 * {@code reason} is null when it completed.
 */
public record ActivityFinished(long activityId, long deploymentId, ActivityStatus status, ActivityReason reason,
        Long rolloutId) {
}
