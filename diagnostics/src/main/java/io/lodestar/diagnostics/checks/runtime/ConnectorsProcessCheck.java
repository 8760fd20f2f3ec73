package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.RuntimeProcesses;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

public final class ConnectorsProcessCheck extends RuntimeProcessCheck {

    public ConnectorsProcessCheck() {
        super("runtime.connectors.process", "Connectors runtime process");
    }

    @Override
    Optional<ProcessInfo> find(HostContext context) {
        return RuntimeProcesses.connectors(context);
    }

    @Override
    String processName(HostContext context) {
        return context.connectors().processName();
    }

    @Override
    List<Path> footprint(HostContext context) {
        return List.of(context.connectors().configPath(), context.connectors().stateDir());
    }

    @Override
    String serviceUnit(HostContext context) {
        return context.connectors().serviceUnit();
    }
}
