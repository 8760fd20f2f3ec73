package io.lodestar.supervisor.dispatch;

/** Fired inside the transaction that ends a task, for the feature the task serves. */
public record TaskFinished(long taskId, Long activityId, boolean succeeded, String message) {
}
