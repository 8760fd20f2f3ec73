package io.lodestar.warden.runtime;

/**
 * Starts, stops, restarts and inspects one runtime on this node. Actions block until they are
 * done (a start until the runtime is healthy) and report failures as results, not exceptions;
 * the caller runs at most one action at a time per driver. {@link #status()} never blocks on an
 * action in progress.
 */
public interface RuntimeDriver {

    /** The runtime's name as operators know it: {@code iggy}, {@code connectors}. */
    String name();

    /** Starts the runtime; {@code progress} hears when its process is up, before it is healthy. */
    ActionResult start(RuntimeProgress progress);

    ActionResult stop();

    /** Stop, then start; {@code progress} hears when the new process is up. */
    ActionResult restart(RuntimeProgress progress);

    DriverStatus status();

    /**
     * Housekeeping between actions, called every few seconds (log rotation, adopting a runtime an
     * earlier Warden left running); must never wait for an action in progress.
     */
    default void maintain() {
    }
}
