package io.lodestar.testsupport.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void tcpPortsAreDistinctAndBindable() throws Exception {
        int[] ports = FreePorts.tcp(4);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(4);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    @Test
    void udpPortIsBindable() throws Exception {
        int port = FreePorts.udp();

        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).close();
    }

    @Test
    void noPortIsHandedOutTwice() {
        int first = FreePorts.tcp();
        int[] more = FreePorts.tcp(20);

        assertThat(more).doesNotContain(first);
    }
}
