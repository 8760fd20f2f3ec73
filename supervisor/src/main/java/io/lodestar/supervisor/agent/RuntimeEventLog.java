package io.lodestar.supervisor.agent;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.deployment.DeploymentService;
import io.quarkus.logging.Log;

/**
 * What runtimes did on their own, as their Wardens report it (a runtime that exited between tasks):
 * logged with the node, and written into the node's deployment as a {@code node_failed} event, which
 * makes the deployment {@code failed} until it is restarted.
 */
@ApplicationScoped
public class RuntimeEventLog {

    @Inject
    DeploymentService deployments;

    public void record(long nodeId, RuntimeEvent event) {
        Optional<RuntimeName> runtime = RuntimeName.fromProto(event.getRuntime());
        String what = event.getKind() == RuntimeEvent.Kind.KIND_EXITED ? "exited on its own" : event.getKind().name();
        String message = runtime.map(RuntimeName::wireName).orElse(event.getRuntime().name()) + " " + what + " (pid " + event.getPid()
                + (event.getExitCode() >= 0 ? ", exit code " + event.getExitCode() : "") + "): " + event.getMessage();
        Log.warnf("Node %d: %s", nodeId, message);
        if (runtime.isPresent() && event.getKind() == RuntimeEvent.Kind.KIND_EXITED) {
            deployments.runtimeExited(nodeId, runtime.get(), message);
        }
    }
}
