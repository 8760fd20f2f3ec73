package io.lodestar.supervisor.dispatch;

/**
 * Fired inside the transaction that recorded a Warden's report on a task, after any {@link TaskFinished}:
 * the task's state now and the process id the Warden named (0 when none).
 */
public record TaskReported(long taskId, TaskState state, long pid) {
}
