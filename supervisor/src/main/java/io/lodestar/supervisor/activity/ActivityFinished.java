package io.lodestar.supervisor.activity;

/** Fired inside the transaction that ends an activity, so other features can react in the same commit. */
public record ActivityFinished(long activityId, long deploymentId, ActivityStatus status) {
}
