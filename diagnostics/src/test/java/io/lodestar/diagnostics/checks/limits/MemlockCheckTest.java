package io.lodestar.diagnostics.checks.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import org.junit.jupiter.api.Test;

class MemlockCheckTest {

    private static final String LIMITS = "Limit                     Soft Limit           Hard Limit           Units\n"
            + "Max open files            1048576              1048576              files\n"
            + "Max locked memory         8388608              8388608              bytes\n";

    @Test
    void parsesTheSoftLimitColumn() {
        assertThat(MemlockCheck.parseSoftLimit(LIMITS.lines().toList(), "Max locked memory")).contains("8388608");
    }

    @Test
    void onKernelsChargingTheCgroupItIsInfo() {
        FakeHost host = new FakeHost().file("/proc/4242/limits", LIMITS).file("/proc/sys/kernel/osrelease", "6.1.0\n");
        var result = new MemlockCheck().run(Contexts.on(host, new FakeProbe()).build());
        assertThat(result.status()).isEqualTo(Status.INFO);
        assertThat(result.details()).containsEntry("soft_limit", "8.0 MiB");
    }

    @Test
    void onKernelsBefore512ItWarns() {
        FakeHost host = new FakeHost().file("/proc/4242/limits", LIMITS).file("/proc/sys/kernel/osrelease", "5.10.0\n");
        assertThat(new MemlockCheck().run(Contexts.on(host, new FakeProbe()).build()).status()).isEqualTo(Status.WARN);
    }
}
