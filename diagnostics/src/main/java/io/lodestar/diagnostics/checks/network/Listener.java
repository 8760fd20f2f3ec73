package io.lodestar.diagnostics.checks.network;

/** A bound socket from {@code /proc/net/{tcp,udp}{,6}}: listening TCP, or any bound UDP. */
record Listener(String protocol, String address, int port, long inode) {

    boolean loopbackOnly() {
        return address.startsWith("127.") || address.equals("::1");
    }
}
