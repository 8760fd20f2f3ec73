package io.lodestar.diagnostics.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.SupervisorLink;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SupervisorLinkCheckTest {

    private static Status link(boolean connected, long rttMillis, int reconnects) {
        SupervisorLink link = new SupervisorLink(connected, Duration.ofMillis(rttMillis), reconnects, null, null, null, null);
        return new SupervisorLinkCheck().run(Contexts.on(new FakeHost(), new FakeProbe()).supervisorLink(link).build()).status();
    }

    @Test
    void standaloneSkips() {
        assertThat(new SupervisorLinkCheck().run(Contexts.of(new FakeHost())).status()).isEqualTo(Status.SKIP);
    }

    @Test
    void healthyLinkPasses() {
        assertThat(link(true, 500, 5)).isEqualTo(Status.PASS);
    }

    @Test
    void slowOrFlappingLinkWarns() {
        assertThat(link(true, 501, 0)).isEqualTo(Status.WARN);
        assertThat(link(true, 10, 6)).isEqualTo(Status.WARN);
    }

    @Test
    void disconnectedFails() {
        assertThat(link(false, 0, 0)).isEqualTo(Status.FAIL);
    }
}
