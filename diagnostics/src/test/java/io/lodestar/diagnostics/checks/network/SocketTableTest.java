package io.lodestar.diagnostics.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SocketTableTest {

    @Test
    void decodesLittleEndianIpv4AndIpv6Addresses() {
        assertThat(SocketTable.decodeAddress("0100007F")).isEqualTo("127.0.0.1");
        assertThat(SocketTable.decodeAddress("00000000")).isEqualTo("0.0.0.0");
        assertThat(SocketTable.decodeAddress("00000000000000000000000001000000")).isEqualTo("::1");
        assertThat(SocketTable.decodeAddress("00000000000000000000000000000000")).isEqualTo("::");
    }

    @Test
    void keepsOnlyListeningTcpSockets() {
        String established = "   1: 0100007F:1F9A 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000 0 99 1 0 20 4 30 10 -1\n";
        List<Listener> listeners = SocketTable.parse(
                (SocketFixtures.HEADER + SocketFixtures.listen("0100007F:1F9A", 11) + established).lines().toList(), "tcp");
        assertThat(listeners).containsExactly(new Listener("tcp", "127.0.0.1", 8090, 11));
    }

    @Test
    void readsSocketInodesFromFdLinks() {
        assertThat(SocketTable.socketInodes(SocketFixtures.iggyOnLoopback(), 100)).containsExactlyInAnyOrder(11L, 12L, 13L, 14L);
        assertThat(SocketTable.inodeOf("pipe:[5]")).isEmpty();
    }
}
