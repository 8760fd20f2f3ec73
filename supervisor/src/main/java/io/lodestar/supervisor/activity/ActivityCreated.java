package io.lodestar.supervisor.activity;

/** Fired inside the transaction that creates an activity (its row is readable there), for features above. */
public record ActivityCreated(long activityId, long deploymentId) {
}
