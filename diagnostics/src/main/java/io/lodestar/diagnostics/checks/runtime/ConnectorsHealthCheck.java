package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.RuntimeProcesses;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.net.URI;
import java.util.Optional;

/** iggy-connectors' {@code GET /health} answers {@code {"status":"healthy"}}. */
public final class ConnectorsHealthCheck extends HealthEndpointCheck {

    public ConnectorsHealthCheck() {
        super("runtime.connectors.health", "Connectors runtime health");
    }

    @Override
    Optional<ProcessInfo> process(HostContext context) {
        return RuntimeProcesses.connectors(context);
    }

    @Override
    URI endpoint(HostContext context) {
        return context.connectors().healthUri();
    }

    @Override
    boolean healthy(int status, String body) {
        return status == 200 && body.replace(" ", "").contains("\"status\":\"healthy\"");
    }
}
