package io.lodestar.warden.runtime;

/**
 * Told how far a driver's start got before the action ends: the runtime's process is up (its
 * health not yet checked). The caller passes it into the action; a task reports it as RUNNING
 * with the pid, which the Supervisor's deployment status uses.
 */
@FunctionalInterface
public interface RuntimeProgress {

    /** For a caller that does not follow the action's progress. */
    RuntimeProgress NONE = (message, pid) -> { };

    /** The runtime's process runs as {@code pid}; the action goes on (a start waits for health). */
    void running(String message, long pid);
}
