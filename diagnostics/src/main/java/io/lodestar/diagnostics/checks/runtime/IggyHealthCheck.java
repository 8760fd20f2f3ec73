package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.RuntimeProcesses;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.net.URI;
import java.util.Optional;

/** iggy-server's {@code GET /ping} answers {@code pong} with no authentication. */
public final class IggyHealthCheck extends HealthEndpointCheck {

    public IggyHealthCheck() {
        super("runtime.iggy.health", "Iggy server ping");
    }

    @Override
    Optional<ProcessInfo> process(HostContext context) {
        return RuntimeProcesses.iggy(context);
    }

    @Override
    URI endpoint(HostContext context) {
        return context.iggy().pingUri();
    }

    @Override
    boolean healthy(int status, String body) {
        return status == 200 && body.strip().contains("pong");
    }
}
