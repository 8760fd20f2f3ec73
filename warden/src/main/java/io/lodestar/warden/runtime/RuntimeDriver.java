package io.lodestar.warden.runtime;

import java.util.Optional;

/**
 * Starts, stops, restarts and inspects one runtime on this node. Actions block until they are
 * done (a start until the runtime is healthy) and report failures as results, not exceptions;
 * the caller runs at most one action at a time per driver. {@link #status()} never blocks on an
 * action in progress.
 */
public interface RuntimeDriver {

    /** The runtime's name as operators know it: {@code iggy}, {@code connectors}. */
    String name();

    /**
     * Starts the runtime; {@code progress} hears when its process is up, before it is healthy. Past {@code deadline}
     * it stops waiting for health and leaves the process running as it is ({@link ActionResult#timedOut}).
     */
    ActionResult start(RuntimeProgress progress, ActionDeadline deadline);

    /** {@link #start(RuntimeProgress, ActionDeadline)} bounded only by the driver's own health timeout. */
    default ActionResult start(RuntimeProgress progress) {
        return start(progress, ActionDeadline.NONE);
    }

    ActionResult stop();

    /**
     * Stop, then start; {@code progress} hears when the new process is up. The stop is never cut short; past
     * {@code deadline} the start stops waiting for health as {@link #start(RuntimeProgress, ActionDeadline)} does.
     */
    ActionResult restart(RuntimeProgress progress, ActionDeadline deadline);

    /** {@link #restart(RuntimeProgress, ActionDeadline)} bounded only by the driver's own timeouts. */
    default ActionResult restart(RuntimeProgress progress) {
        return restart(progress, ActionDeadline.NONE);
    }

    DriverStatus status();

    /**
     * Whether the runtime answers its health check now (one look at its health URL; "not running" when it does not
     * run), for a heartbeat. Never waits for an action in progress. Empty for a driver that cannot check.
     */
    default Optional<HealthProbe.Result> health() {
        return Optional.empty();
    }

    /**
     * Housekeeping between actions, called every few seconds (log rotation, adopting a runtime an
     * earlier Warden left running); must never wait for an action in progress.
     */
    default void maintain() {
    }
}
