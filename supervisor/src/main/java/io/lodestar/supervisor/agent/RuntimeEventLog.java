package io.lodestar.supervisor.agent;

import jakarta.enterprise.context.ApplicationScoped;

import io.lodestar.protocol.v1.RuntimeEvent;
import io.quarkus.logging.Log;

/**
 * What runtimes did on their own, as their Wardens report it (a runtime that exited between
 * tasks). Logged at WARN with the node, for now: deployment events, where these belong for
 * operators to read through the API, are a table of their own still to come.
 */
@ApplicationScoped
public class RuntimeEventLog {

    public void record(long nodeId, RuntimeEvent event) {
        String runtime = event.getRuntime().name().replace("RUNTIME_", "").toLowerCase();
        Log.warnf("Node %d: %s %s (pid %d%s): %s", nodeId, runtime,
                event.getKind() == RuntimeEvent.Kind.KIND_EXITED ? "exited on its own" : event.getKind().name(),
                event.getPid(), event.getExitCode() >= 0 ? ", exit code " + event.getExitCode() : "", event.getMessage());
    }
}
