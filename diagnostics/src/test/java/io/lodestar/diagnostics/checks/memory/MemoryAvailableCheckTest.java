package io.lodestar.diagnostics.checks.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class MemoryAvailableCheckTest {

    private static Status available(long kb) {
        return new MemoryAvailableCheck().run(Contexts.of(new FakeHost().file("/proc/meminfo",
                "MemTotal:       1000000 kB\nMemFree:          10000 kB\nMemAvailable:   " + kb + " kB\nCached:   5000 kB\n"))).status();
    }

    @Test
    void tenPercentOrMorePasses() {
        assertThat(available(100_000)).isEqualTo(Status.PASS);
    }

    @Test
    void belowTenPercentWarns() {
        assertThat(available(99_999)).isEqualTo(Status.WARN);
    }

    @Test
    void belowFivePercentFails() {
        assertThat(available(49_999)).isEqualTo(Status.FAIL);
    }

    @Test
    void kernelsWithoutMemAvailableSkip() {
        assertThat(new MemoryAvailableCheck().run(Contexts.of(new FakeHost().file("/proc/meminfo", "MemTotal: 1 kB\n"))).status())
                .isEqualTo(Status.SKIP);
    }
}
