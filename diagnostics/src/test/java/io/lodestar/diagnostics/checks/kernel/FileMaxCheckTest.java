package io.lodestar.diagnostics.checks.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import org.junit.jupiter.api.Test;

class FileMaxCheckTest {

    @Test
    void largeCeilingLittleUsedPasses() {
        assertThat(SysctlFixtures.run(new FileMaxCheck(), "fs.file-max", "1000000", "fs.file-nr", "3000\t0\t1000000").status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void ceilingBelow65536Warns() {
        assertThat(SysctlFixtures.run(new FileMaxCheck(), "fs.file-max", "65535", "fs.file-nr", "100\t0\t65535").status())
                .isEqualTo(Status.WARN);
    }

    @Test
    void moreThanEightyPercentAllocatedWarns() {
        assertThat(SysctlFixtures.run(new FileMaxCheck(), "fs.file-max", "100000", "fs.file-nr", "80001\t0\t100000").status())
                .isEqualTo(Status.WARN);
    }
}
