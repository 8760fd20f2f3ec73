package io.lodestar.supervisor.agent;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.quarkus.logging.Log;

/**
 * What runtimes did on their own, as their Wardens report it (a runtime that exited between tasks):
 * logged with the node, and told as {@link RuntimeExited} to whoever places runtimes on nodes (the node's
 * deployment records a {@code node_failed} event and is {@code failed} until it is restarted).
 */
@ApplicationScoped
public class RuntimeEventLog {

    @Inject
    Event<RuntimeExited> exitedEvents;

    @Transactional
    public void record(long nodeId, RuntimeEvent event) {
        Optional<RuntimeName> runtime = RuntimeName.fromProto(event.getRuntime());
        String what = event.getKind() == RuntimeEvent.Kind.KIND_EXITED ? "exited on its own" : event.getKind().name();
        String message = runtime.map(RuntimeName::wireName).orElse(event.getRuntime().name()) + " " + what + " (pid " + event.getPid()
                + (event.getExitCode() >= 0 ? ", exit code " + event.getExitCode() : "") + "): " + event.getMessage();
        Log.warnf("Node %d: %s", nodeId, message);
        if (runtime.isPresent() && event.getKind() == RuntimeEvent.Kind.KIND_EXITED) {
            exitedEvents.fire(new RuntimeExited(nodeId, runtime.get(), message));
        }
    }
}
