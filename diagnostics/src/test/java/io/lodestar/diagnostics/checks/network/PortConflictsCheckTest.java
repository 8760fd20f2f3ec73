package io.lodestar.diagnostics.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import org.junit.jupiter.api.Test;

class PortConflictsCheckTest {

    @Test
    void portsHeldByTheRuntimeItselfAreNoConflict() {
        FakeProbe iggy = new FakeProbe().running(FakeProbe.process(100, "iggy-server", "1000"));
        assertThat(new PortConflictsCheck().run(Contexts.on(SocketFixtures.iggyOnLoopback(), iggy).build()).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void aRuntimePortHeldByAnotherProcessWhileTheRuntimeIsDownFailsAndNamesTheHolder() {
        FakeHost host = new FakeHost()
                .file("/proc/net/tcp", SocketFixtures.HEADER + SocketFixtures.listen("00000000:0BB8", 55))
                .link("/proc/321/fd/9", "socket:[55]").file("/proc/321/comm", "grafana\n");
        var result = new PortConflictsCheck().run(Contexts.of(host));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("iggy http 3000/tcp held by grafana (pid 321) on 0.0.0.0");
    }
}
