package io.lodestar.warden.link;

import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.protocol.v1.WardenMessage;
import io.lodestar.warden.runtime.RuntimeExit;
import io.lodestar.warden.runtime.RuntimeExitListener;
import io.quarkus.logging.Log;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reports what runtimes did on their own (exits between tasks) to the Supervisor: at once when the
 * link is up, otherwise at the next {@link #flush()} after a reconnect. Kept in memory, newest
 * {@value #KEPT} at most: an event is information, not an outcome that must survive a restart.
 */
public final class RuntimeEvents implements RuntimeExitListener {

    static final int KEPT = 100;

    private final CurrentStream link;
    private final Deque<RuntimeEvent> pending = new ArrayDeque<>();

    public RuntimeEvents(CurrentStream link) {
        this.link = link;
    }

    @Override
    public void exited(RuntimeExit exit) {
        RuntimeEvent event = RuntimeEvent.newBuilder()
                .setRuntime(exit.runtime().proto())
                .setKind(RuntimeEvent.Kind.KIND_EXITED)
                .setPid(exit.pid())
                .setExitCode(exit.exitCode())
                .setMessage(exit.message())
                .setAtMs(exit.atEpochMs())
                .build();
        synchronized (pending) {
            if (pending.size() == KEPT) {
                RuntimeEvent dropped = pending.removeFirst();
                Log.warnf("dropping an unsent runtime event (the link is down): %s", dropped.getMessage());
            }
            pending.addLast(event);
        }
        flush();
    }

    /** Sends what is pending if the link is up. */
    public void flush() {
        synchronized (pending) {
            while (!pending.isEmpty()) {
                if (!link.send(WardenMessage.newBuilder().setRuntimeEvent(pending.peekFirst()).build())) {
                    return;
                }
                pending.removeFirst();
            }
        }
    }
}
