package io.lodestar.diagnostics.checks.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.SupervisorLink;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeSyncCheckTest {

    @Test
    void timesyncdFlagPasses() {
        var result = new TimeSyncCheck().run(Contexts.of(new FakeHost().file("/run/systemd/timesync/synchronized", "")));
        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aRunningDaemonIsInfoBecauseItsStateIsNotReadable() {
        FakeProbe probe = new FakeProbe().running(FakeProbe.process(50, "chronyd", "0"));
        assertThat(new TimeSyncCheck().run(Contexts.on(new FakeHost(), probe).build()).status()).isEqualTo(Status.INFO);
    }

    @Test
    void noEvidenceOnAHostWarns() {
        assertThat(new TimeSyncCheck().run(Contexts.of(new FakeHost())).status()).isEqualTo(Status.WARN);
    }

    @Test
    void inAContainerWithoutEvidenceItSkips() {
        assertThat(new TimeSyncCheck().run(Contexts.of(new FakeHost().file("/.dockerenv", ""))).status()).isEqualTo(Status.SKIP);
    }

    @Test
    void offsetFromTheSupervisorAboveHalfASecondWarnsEvenWhenSynchronised() {
        SupervisorLink link = new SupervisorLink(true, Duration.ofMillis(5), 0, Duration.ofMillis(-800), null, null, null);
        FakeHost host = new FakeHost().file("/run/systemd/timesync/synchronized", "");
        var result = new TimeSyncCheck().run(Contexts.on(host, new FakeProbe()).supervisorLink(link).build());
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("-800 ms");
    }
}
