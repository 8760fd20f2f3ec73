package io.lodestar.diagnostics.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import org.junit.jupiter.api.Test;

class PortsCheckTest {

    private static final FakeProbe IGGY = new FakeProbe().running(FakeProbe.process(100, "iggy-server", "1000"));

    @Test
    void allIggyPortsHeldByIggyOnLoopbackPassAndSayLoopbackOnly() {
        var result = new PortsCheck().run(Contexts.on(SocketFixtures.iggyOnLoopback(), IGGY).build());
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("loopback only", "iggy quic 8080/udp");
        assertThat(result.details()).containsEntry("iggy tcp 8090/tcp", "on 127.0.0.1 by the runtime")
                .containsEntry("connectors http 8081/tcp", "runtime not running");
    }

    @Test
    void aMissingListenerWarns() {
        FakeHost host = SocketFixtures.iggyOnLoopback().file("/proc/net/udp", SocketFixtures.HEADER);
        var result = new PortsCheck().run(Contexts.on(host, IGGY).build());
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("iggy quic 8080/udp");
    }

    @Test
    void aPortHeldByAnotherProcessFails() {
        FakeHost host = SocketFixtures.iggyOnLoopback()
                .file("/proc/net/tcp6", SocketFixtures.HEADER + SocketFixtures.listen("00000000000000000000000000000000:0BB8", 77))
                .file("/proc/net/tcp", SocketFixtures.HEADER + SocketFixtures.listen("0100007F:1F9A", 11) + SocketFixtures.listen("0100007F:1F9C", 13));
        var result = new PortsCheck().run(Contexts.on(host, IGGY).build());
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.details().get("iggy http 3000/tcp")).contains("ANOTHER");
    }

    @Test
    void skipsWhenNoRuntimeRuns() {
        assertThat(new PortsCheck().run(Contexts.of(SocketFixtures.iggyOnLoopback())).status()).isEqualTo(Status.SKIP);
    }
}
