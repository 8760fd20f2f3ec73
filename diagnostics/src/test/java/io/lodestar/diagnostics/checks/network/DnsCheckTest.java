package io.lodestar.diagnostics.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class DnsCheckTest {

    private static final FakeHost RESOLV = new FakeHost().file("/etc/resolv.conf", "# generated\nsearch lan\nnameserver 10.0.0.2\n");

    @Test
    void hostnameResolvingWithNameserversPasses() throws Exception {
        FakeProbe probe = new FakeProbe().resolves("node-1", InetAddress.getByAddress("node-1", new byte[] {10, 0, 0, 5}));
        var result = new DnsCheck().run(Contexts.on(RESOLV, probe).build());
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.details()).containsEntry("nameservers", "10.0.0.2");
    }

    @Test
    void unresolvableHostnameFails() {
        var result = new DnsCheck().run(Contexts.on(RESOLV, new FakeProbe()).build());
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.remediation()).contains("/etc/hosts");
    }

    @Test
    void resolvConfWithoutNameserversWarns() throws Exception {
        FakeProbe probe = new FakeProbe().resolves("node-1", InetAddress.getLoopbackAddress());
        assertThat(new DnsCheck().run(Contexts.on(new FakeHost().file("/etc/resolv.conf", "search lan\n"), probe).build()).status())
                .isEqualTo(Status.WARN);
    }
}
