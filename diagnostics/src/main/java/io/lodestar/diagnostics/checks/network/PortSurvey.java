package io.lodestar.diagnostics.checks.network;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.RuntimeProcesses;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Bound sockets on the runtimes' ports, and which of them the runtimes themselves hold. */
record PortSurvey(List<Listener> listeners, Map<String, Optional<ProcessInfo>> runtimes, Map<String, Set<Long>> runtimeInodes) {

    static PortSurvey take(HostContext context) {
        Optional<ProcessInfo> iggy = RuntimeProcesses.iggy(context);
        Optional<ProcessInfo> connectors = RuntimeProcesses.connectors(context);
        return new PortSurvey(SocketTable.read(context.host()),
                Map.of(ExpectedPort.IGGY, iggy, ExpectedPort.CONNECTORS, connectors),
                Map.of(ExpectedPort.IGGY, iggy.map(p -> SocketTable.socketInodes(context.host(), p.pid())).orElse(Set.of()),
                        ExpectedPort.CONNECTORS, connectors.map(p -> SocketTable.socketInodes(context.host(), p.pid())).orElse(Set.of())));
    }

    List<Listener> on(ExpectedPort port) {
        return listeners.stream().filter(port::matches).toList();
    }

    boolean running(String runtime) {
        return runtimes.get(runtime).isPresent();
    }

    /** True when the runtime holds the socket; false also when we could not see its fds (another user, no root). */
    boolean ownedByRuntime(ExpectedPort port, Listener listener) {
        return runtimeInodes.get(port.runtime()).contains(listener.inode());
    }

    boolean runtimeFdsVisible(String runtime) {
        return !runtimeInodes.get(runtime).isEmpty();
    }
}
