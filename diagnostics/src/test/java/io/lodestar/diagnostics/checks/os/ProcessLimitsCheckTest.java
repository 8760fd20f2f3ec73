package io.lodestar.diagnostics.checks.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class ProcessLimitsCheckTest {

    private static FakeHost host(String threads) {
        return new FakeHost().file("/proc/sys/kernel/pid_max", "32768\n").file("/proc/sys/kernel/threads-max", "95000\n")
                .file("/proc/loadavg", "0.50 0.40 0.30 2/" + threads + " 12345\n");
    }

    @Test
    void parsesTotalThreadsFromLoadavg() {
        assertThat(ProcessLimitsCheck.parseThreadsInUse("0.50 0.40 0.30 2/517 12345")).isEqualTo(517);
    }

    @Test
    void belowEightyPercentOfTheSmallerLimitPasses() {
        assertThat(new ProcessLimitsCheck().run(Contexts.of(host("26000"))).status()).isEqualTo(Status.PASS);
    }

    @Test
    void atEightyPercentWarns() {
        assertThat(new ProcessLimitsCheck().run(Contexts.of(host("26215"))).status()).isEqualTo(Status.WARN);
    }
}
