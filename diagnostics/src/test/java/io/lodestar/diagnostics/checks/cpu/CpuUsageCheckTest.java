package io.lodestar.diagnostics.checks.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpuUsageCheckTest {

    private static HostContext sampled(String first, String second) {
        return Contexts.on(new FakeHost().file("/proc/stat", first, second), new FakeProbe())
                .cpuSampleWindow(Duration.ofMillis(1)).build();
    }

    @Test
    void busyShareComesFromTheDifferenceBetweenTwoSamples() throws Exception {
        // 1000 ticks pass: 950 user, 50 idle -> 95 % busy
        var result = new CpuUsageCheck().run(sampled("cpu  1000 0 0 9000 0 0 0 0 0 0\n", "cpu  1950 0 0 9050 0 0 0 0 0 0\n"));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("95.0 %");
    }

    @Test
    void belowNinetyPercentPasses() throws Exception {
        var result = new CpuUsageCheck().run(sampled("cpu  1000 0 0 9000 0 0 0 0 0 0\n", "cpu  1890 0 0 9110 0 0 0 0 0 0\n"));
        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Test
    void zeroWindowReportsTheAverageSinceBoot() throws Exception {
        HostContext context = Contexts.on(new FakeHost().file("/proc/stat", "cpu  100 0 0 900 0 0 0 0 0 0\n"), new FakeProbe())
                .cpuSampleWindow(Duration.ZERO).build();
        var result = new CpuUsageCheck().run(context);
        assertThat(result.summary()).contains("10.0 %", "since boot");
    }

    @Test
    void iowaitIsNotCountedAsBusy() {
        CpuTimes t = CpuTimes.parseLine("cpu  10 0 10 60 20 0 0 0 0 0");
        assertThat(t.busy()).isEqualTo(20);
        assertThat(t.total()).isEqualTo(100);
    }
}
