package io.lodestar.diagnostics.checks.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class CpuIowaitCheckTest {

    private static Status iowait(int ticks) {
        return new CpuIowaitCheck().run(Contexts.of(new FakeHost().file("/proc/stat",
                "cpu  100 0 0 " + (900 - ticks) + " " + ticks + " 0 0 0 0 0\n"))).status();
    }

    @Test
    void iowaitAtTenPercentPassesAboveWarns() {
        assertThat(iowait(100)).isEqualTo(Status.PASS);
        assertThat(iowait(101)).isEqualTo(Status.WARN);
    }
}
