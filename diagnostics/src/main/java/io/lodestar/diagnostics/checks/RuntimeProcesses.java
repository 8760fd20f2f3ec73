package io.lodestar.diagnostics.checks;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.util.Comparator;
import java.util.Optional;

/** Finds the runtimes' processes; the oldest wins when several match (the parent of any workers). */
public final class RuntimeProcesses {

    private RuntimeProcesses() {
    }

    public static Optional<ProcessInfo> iggy(HostContext context) {
        return named(context, context.iggy().processName());
    }

    public static Optional<ProcessInfo> connectors(HostContext context) {
        return named(context, context.connectors().processName());
    }

    private static Optional<ProcessInfo> named(HostContext context, String name) {
        return context.probe().processesNamed(name).stream().max(Comparator.comparing(ProcessInfo::uptime));
    }
}
