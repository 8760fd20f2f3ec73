package io.lodestar.diagnostics;

final class Ports {

    private Ports() {
    }

    static void require(int... ports) {
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }
}
