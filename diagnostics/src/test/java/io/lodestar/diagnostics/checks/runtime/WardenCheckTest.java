package io.lodestar.diagnostics.checks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class WardenCheckTest {

    @Test
    void reportsVersionUptimeFromTheClockAndLinkState() {
        var result = new WardenCheck().run(Contexts.of(new FakeHost()));
        assertThat(result.status()).isEqualTo(Status.INFO);
        assertThat(result.details()).containsEntry("version", "1.2.3").containsEntry("uptime_seconds", "3600")
                .containsEntry("supervisor_link", "none (standalone)");
    }
}
