package io.lodestar.diagnostics.checks.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import org.junit.jupiter.api.Test;

class IoUringCheckTest {

    @Test
    void enabledSwitchPasses() {
        assertThat(SysctlFixtures.run(new IoUringCheck(), "kernel.osrelease", "6.8.0", "kernel.io_uring_disabled", "0").status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void kernelsWithoutTheSwitchPassFrom519() {
        assertThat(SysctlFixtures.run(new IoUringCheck(), "kernel.osrelease", "6.1.0").status()).isEqualTo(Status.PASS);
    }

    @Test
    void restrictedToAGroupWarnsDisabledFails() {
        assertThat(SysctlFixtures.run(new IoUringCheck(), "kernel.osrelease", "6.8.0", "kernel.io_uring_disabled", "1",
                "kernel.io_uring_group", "1001").status()).isEqualTo(Status.WARN);
        assertThat(SysctlFixtures.run(new IoUringCheck(), "kernel.osrelease", "6.8.0", "kernel.io_uring_disabled", "2").status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void oldKernelFails() {
        assertThat(SysctlFixtures.run(new IoUringCheck(), "kernel.osrelease", "5.15.0").status()).isEqualTo(Status.FAIL);
    }
}
