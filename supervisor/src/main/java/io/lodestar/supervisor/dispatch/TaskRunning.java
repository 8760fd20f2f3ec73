package io.lodestar.supervisor.dispatch;

import io.lodestar.protocol.v1.Task.KindCase;

/** Fired when a Warden reports a task RUNNING (for a runtime action: the process was spawned, health not yet checked). */
public record TaskRunning(long taskId, KindCase kind, String message) {
}
