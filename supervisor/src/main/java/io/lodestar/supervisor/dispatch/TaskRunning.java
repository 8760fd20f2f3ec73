package io.lodestar.supervisor.dispatch;

/** Fired when a Warden reports a task RUNNING (for a runtime action: the process was spawned, health not yet checked). */
public record TaskRunning(long taskId, Long activityId, String message) {
}
