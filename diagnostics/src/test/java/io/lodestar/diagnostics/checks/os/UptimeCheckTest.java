package io.lodestar.diagnostics.checks.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UptimeCheckTest {

    @Test
    void parsesSecondsSinceBoot() {
        assertThat(UptimeCheck.parseUptime("350735.47 234388.90")).isEqualTo(Duration.ofMillis(350_735_470));
    }

    @Test
    void longUptimeIsInfoWithBootTimeFromTheClock() {
        var result = new UptimeCheck().run(Contexts.of(new FakeHost().file("/proc/uptime", "86400.00 1.00\n")));
        assertThat(result.status()).isEqualTo(Status.INFO);
        assertThat(result.details()).containsEntry("booted_at", "2026-05-31T10:30:00Z");
    }

    @Test
    void bootUnderFifteenMinutesAgoWarns() {
        var result = new UptimeCheck().run(Contexts.of(new FakeHost().file("/proc/uptime", "600.00 1.00\n")));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.remediation()).contains("journalctl");
    }
}
