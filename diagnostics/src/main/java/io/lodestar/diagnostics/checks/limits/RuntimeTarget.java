package io.lodestar.diagnostics.checks.limits;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.RuntimeProcesses;
import io.lodestar.diagnostics.host.ProcessInfo;

/** Whose limits to judge: iggy-server when running, else the connectors, else this process (whose limits a runtime started by it inherits). */
record RuntimeTarget(String label, ProcessInfo process) {

    static RuntimeTarget pick(HostContext context) {
        return RuntimeProcesses.iggy(context).map(p -> new RuntimeTarget("iggy-server", p))
                .or(() -> RuntimeProcesses.connectors(context).map(p -> new RuntimeTarget("iggy-connectors", p)))
                .orElseGet(() -> new RuntimeTarget("this process (no runtime running)", context.probe().currentProcess()));
    }
}
