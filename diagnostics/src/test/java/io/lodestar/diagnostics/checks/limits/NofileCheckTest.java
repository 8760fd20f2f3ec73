package io.lodestar.diagnostics.checks.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.host.ProcessInfo;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NofileCheckTest {

    private static ProcessInfo iggy(long open, long soft) {
        return new ProcessInfo(100, "iggy-server", "/usr/bin/iggy-server", "iggy-server", "iggy", "1000", 1, Duration.ofHours(1),
                open, soft, 1_048_576, "/var/lib/iggy");
    }

    private static io.lodestar.diagnostics.CheckResult run(FakeProbe probe) {
        return new NofileCheck().run(Contexts.on(new FakeHost(), probe).build());
    }

    @Test
    void softLimitOf65536Passes() {
        var result = run(new FakeProbe().running(iggy(100, 65_536)));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.details()).containsEntry("process", "iggy-server");
    }

    @Test
    void softLimitBelow65536Warns() {
        var result = run(new FakeProbe().running(iggy(100, 1024)));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.remediation()).contains("LimitNOFILE");
    }

    @Test
    void ninetyPercentOfTheLimitInUseFails() {
        assertThat(run(new FakeProbe().running(iggy(59_000, 65_536))).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void withNoRuntimeItJudgesThisProcessAndSaysSo() {
        var result = run(new FakeProbe());
        assertThat(result.details().get("process")).contains("no runtime running");
    }
}
