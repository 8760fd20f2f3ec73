package io.lodestar.diagnostics.checks.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class SwapCheckTest {

    private static Status swap(long total, long free) {
        return new SwapCheck().run(Contexts.of(new FakeHost().file("/proc/meminfo",
                "MemTotal: 100 kB\nSwapTotal: " + total + " kB\nSwapFree: " + free + " kB\n"))).status();
    }

    @Test
    void noSwapIsInfo() {
        assertThat(swap(0, 0)).isEqualTo(Status.INFO);
    }

    @Test
    void halfUsedPassesMoreWarns() {
        assertThat(swap(1000, 500)).isEqualTo(Status.PASS);
        assertThat(swap(1000, 499)).isEqualTo(Status.WARN);
    }
}
