package io.lodestar.warden.runtime;

/** Told when a runtime's process exits without any action of the Warden causing it. */
@FunctionalInterface
public interface RuntimeExitListener {

    RuntimeExitListener NONE = exit -> { };

    void exited(RuntimeExit exit);
}
