package io.lodestar.diagnostics.checks.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import org.junit.jupiter.api.Test;

class OvercommitCheckTest {

    @Test
    void heuristicAndAlwaysPassStrictWarns() {
        assertThat(SysctlFixtures.run(new OvercommitCheck(), "vm.overcommit_memory", "0").status()).isEqualTo(Status.PASS);
        assertThat(SysctlFixtures.run(new OvercommitCheck(), "vm.overcommit_memory", "1").status()).isEqualTo(Status.PASS);
        assertThat(SysctlFixtures.run(new OvercommitCheck(), "vm.overcommit_memory", "2", "vm.overcommit_ratio", "50").status())
                .isEqualTo(Status.WARN);
    }
}
