package io.lodestar.diagnostics.checks.network;

import io.lodestar.diagnostics.HostContext;
import java.util.List;

/** A port one of the runtimes is configured to bind. */
record ExpectedPort(String runtime, String transport, String protocol, int port) {

    static final String IGGY = "iggy";
    static final String CONNECTORS = "connectors";

    static List<ExpectedPort> of(HostContext context) {
        return List.of(
                new ExpectedPort(IGGY, "tcp", "tcp", context.iggy().tcpPort()),
                new ExpectedPort(IGGY, "quic", "udp", context.iggy().quicPort()),
                new ExpectedPort(IGGY, "http", "tcp", context.iggy().httpPort()),
                new ExpectedPort(IGGY, "websocket", "tcp", context.iggy().webSocketPort()),
                new ExpectedPort(CONNECTORS, "http", "tcp", context.connectors().httpPort()));
    }

    String label() {
        return runtime + " " + transport + " " + port + "/" + protocol;
    }

    boolean matches(Listener listener) {
        return listener.protocol().equals(protocol) && listener.port() == port;
    }
}
