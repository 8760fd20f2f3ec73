package io.lodestar.diagnostics.checks;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.RuntimeSettings;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.util.Comparator;
import java.util.Optional;

/** Finds the runtimes' processes; the oldest wins when several match (the parent of any workers). */
public final class RuntimeProcesses {

    private RuntimeProcesses() {
    }

    public static Optional<ProcessInfo> iggy(HostContext context) {
        return of(context, context.iggy());
    }

    public static Optional<ProcessInfo> connectors(HostContext context) {
        return of(context, context.connectors());
    }

    public static Optional<ProcessInfo> of(HostContext context, RuntimeSettings runtime) {
        return context.probe().processesNamed(runtime.processName()).stream().max(Comparator.comparing(ProcessInfo::uptime));
    }
}
