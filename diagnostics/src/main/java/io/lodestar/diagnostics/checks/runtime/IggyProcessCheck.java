package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.RuntimeProcesses;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

public final class IggyProcessCheck extends RuntimeProcessCheck {

    public IggyProcessCheck() {
        super("runtime.iggy.process", "Iggy server process");
    }

    @Override
    Optional<ProcessInfo> find(HostContext context) {
        return RuntimeProcesses.iggy(context);
    }

    @Override
    String processName(HostContext context) {
        return context.iggy().processName();
    }

    @Override
    List<Path> footprint(HostContext context) {
        return List.of(context.iggy().configPath(), context.iggy().dataDir());
    }

    @Override
    String serviceUnit(HostContext context) {
        return context.iggy().serviceUnit();
    }
}
