package io.lodestar.supervisor.dispatch;

/**
 * Fired inside the transaction that recorded a Warden's report on a task, after any {@link TaskFinished}:
 * the task's state before and after the report, and the process id the Warden named (0 when none).
 */
public record TaskReported(long taskId, TaskState before, TaskState state, long pid) {

    /** Whether this report is the first the Supervisor heard of the task from the Warden. */
    public boolean firstReport() {
        return before == TaskState.PENDING && state != TaskState.PENDING;
    }
}
