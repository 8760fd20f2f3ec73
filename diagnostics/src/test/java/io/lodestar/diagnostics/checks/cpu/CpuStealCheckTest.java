package io.lodestar.diagnostics.checks.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class CpuStealCheckTest {

    private static Status steal(int ticks) {
        int idle = 1000 - 100 - ticks;
        return new CpuStealCheck().run(Contexts.of(new FakeHost().file("/proc/stat",
                "cpu  100 0 0 " + idle + " 0 0 0 " + ticks + " 0 0\n"))).status();
    }

    @Test
    void stealAtFivePercentPassesAboveWarns() {
        assertThat(steal(50)).isEqualTo(Status.PASS);
        assertThat(steal(51)).isEqualTo(Status.WARN);
    }

    @Test
    void missingProcStatSkips() {
        assertThat(new CpuStealCheck().run(Contexts.of(new FakeHost())).status()).isEqualTo(Status.SKIP);
    }
}
