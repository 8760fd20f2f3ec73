package io.lodestar.diagnostics.checks.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import org.junit.jupiter.api.Test;

class MaxMapCountCheckTest {

    @Test
    void atLeast262144Passes() {
        assertThat(SysctlFixtures.run(new MaxMapCountCheck(), "vm.max_map_count", "262144").status()).isEqualTo(Status.PASS);
    }

    @Test
    void theDistributionDefault65530Warns() {
        var result = SysctlFixtures.run(new MaxMapCountCheck(), "vm.max_map_count", "65530");
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.remediation()).contains("vm.max_map_count=262144");
    }
}
