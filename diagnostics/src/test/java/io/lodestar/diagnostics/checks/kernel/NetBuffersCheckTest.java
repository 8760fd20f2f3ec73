package io.lodestar.diagnostics.checks.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import org.junit.jupiter.api.Test;

class NetBuffersCheckTest {

    @Test
    void bothAtLeast7500000Pass() {
        assertThat(SysctlFixtures.run(new NetBuffersCheck(), "net.core.rmem_max", "7500000", "net.core.wmem_max", "8388608").status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void eitherBelowWarnsAndExplainsQuic() {
        var result = SysctlFixtures.run(new NetBuffersCheck(), "net.core.rmem_max", "212992", "net.core.wmem_max", "7500000");
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("QUIC");
        assertThat(result.remediation()).contains("net.core.rmem_max=7500000", "net.core.wmem_max=7500000");
        assertThat(SysctlFixtures.run(new NetBuffersCheck(), "net.core.rmem_max", "7500000", "net.core.wmem_max", "7499999").status())
                .isEqualTo(Status.WARN);
    }
}
