package io.lodestar.diagnostics.checks.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import org.junit.jupiter.api.Test;

class SwappinessCheckTest {

    @Test
    void tenOrLessPassesAboveWarns() {
        assertThat(SysctlFixtures.run(new SwappinessCheck(), "vm.swappiness", "10").status()).isEqualTo(Status.PASS);
        var result = SysctlFixtures.run(new SwappinessCheck(), "vm.swappiness", "60");
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.remediation()).contains("vm.swappiness=1");
    }
}
