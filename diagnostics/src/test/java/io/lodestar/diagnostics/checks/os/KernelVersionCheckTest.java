package io.lodestar.diagnostics.checks.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class KernelVersionCheckTest {

    private Status statusFor(String release) {
        return new KernelVersionCheck().run(Contexts.of(new FakeHost().file("/proc/sys/kernel/osrelease", release + "\n"))).status();
    }

    @Test
    void kernel519AndLaterPass() {
        assertThat(statusFor("5.19.0-1-amd64")).isEqualTo(Status.PASS);
        assertThat(statusFor("6.1.0-18-amd64")).isEqualTo(Status.PASS);
    }

    @Test
    void kernelBefore519FailsWithRemediation() {
        var result = new KernelVersionCheck().run(Contexts.of(new FakeHost().file("/proc/sys/kernel/osrelease", "5.15.0-91-generic")));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.remediation()).contains("5.19");
        assertThat(statusFor("4.19.0")).isEqualTo(Status.FAIL);
    }

    @Test
    void unreadableReleaseSkips() {
        assertThat(new KernelVersionCheck().run(Contexts.of(new FakeHost())).status()).isEqualTo(Status.SKIP);
    }
}
