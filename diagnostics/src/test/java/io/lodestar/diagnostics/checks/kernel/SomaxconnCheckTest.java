package io.lodestar.diagnostics.checks.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import org.junit.jupiter.api.Test;

class SomaxconnCheckTest {

    @Test
    void atLeast1024Passes() {
        assertThat(SysctlFixtures.run(new SomaxconnCheck(), "net.core.somaxconn", "1024").status()).isEqualTo(Status.PASS);
    }

    @Test
    void below1024WarnsWithTheSysctlCommand() {
        var result = SysctlFixtures.run(new SomaxconnCheck(), "net.core.somaxconn", "128");
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.remediation()).contains("sysctl -w net.core.somaxconn=1024", "/etc/sysctl.d/");
    }

    @Test
    void unreadableSkips() {
        assertThat(SysctlFixtures.run(new SomaxconnCheck()).status()).isEqualTo(Status.SKIP);
    }
}
