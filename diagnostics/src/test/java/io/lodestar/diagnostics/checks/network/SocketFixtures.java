package io.lodestar.diagnostics.checks.network;

import io.lodestar.diagnostics.testing.FakeHost;

/** /proc/net socket table lines for tests. Ports: 8090 = 1F9A, 8080 = 1F90, 3000 = 0BB8, 8092 = 1F9C, 8081 = 1F91. */
final class SocketFixtures {

    static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    private SocketFixtures() {
    }

    static String listen(String localHex, long inode) {
        return "   0: " + localHex + " 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 " + inode + " 1 0000000000000000 100 0 0 10 0\n";
    }

    static String udp(String localHex, long inode) {
        return "  100: " + localHex + " 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 " + inode + " 2 0000000000000000 0\n";
    }

    /** iggy-server (pid 100) on loopback holding every default port. */
    static FakeHost iggyOnLoopback() {
        return new FakeHost()
                .file("/proc/net/tcp", HEADER + listen("0100007F:1F9A", 11) + listen("0100007F:0BB8", 12) + listen("0100007F:1F9C", 13))
                .file("/proc/net/udp", HEADER + udp("0100007F:1F90", 14))
                .link("/proc/100/fd/3", "socket:[11]").link("/proc/100/fd/4", "socket:[12]")
                .link("/proc/100/fd/5", "socket:[13]").link("/proc/100/fd/6", "socket:[14]")
                .link("/proc/100/fd/7", "/var/lib/iggy/local_data/state.bin")
                .file("/proc/100/comm", "iggy-server\n");
    }
}
