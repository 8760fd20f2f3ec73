package io.lodestar.diagnostics.checks.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class TimezoneCheckTest {

    @Test
    void readsTheZoneFromTheLocaltimeLink() {
        var result = new TimezoneCheck().run(Contexts.of(new FakeHost().link("/etc/localtime", "/usr/share/zoneinfo/Europe/Paris")));
        assertThat(result.details()).containsEntry("zone", "Europe/Paris").containsEntry("now_utc", "2026-06-01T10:30:00Z");
    }

    @Test
    void withoutConfigurationItIsUtc() {
        assertThat(new TimezoneCheck().run(Contexts.of(new FakeHost())).summary()).contains("UTC");
    }
}
