package io.lodestar.diagnostics.checks.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class CpuLoadCheckTest {

    private static Status status(String loadavg, String online) {
        return new CpuLoadCheck().run(Contexts.of(new FakeHost().file("/proc/loadavg", loadavg)
                .file("/sys/devices/system/cpu/online", online))).status();
    }

    @Test
    void countsCpusFromOnlineRanges() {
        assertThat(CpuLoadCheck.parseCpuCount("0-3,6,8-9")).isEqualTo(7);
        assertThat(CpuLoadCheck.parseCpuCount("0\n")).isEqualTo(1);
    }

    @Test
    void loadAtOnePerCorePasses() {
        assertThat(status("9.0 4.00 1.0 1/200 1", "0-3")).isEqualTo(Status.PASS);
    }

    @Test
    void loadAboveOnePerCoreWarns() {
        assertThat(status("1.0 4.10 1.0 1/200 1", "0-3")).isEqualTo(Status.WARN);
    }
}
