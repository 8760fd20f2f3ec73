package io.lodestar.diagnostics.checks.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class OsInfoCheckTest {

    @Test
    void reportsDistributionKernelArchAndHostname() {
        var result = new OsInfoCheck().run(Contexts.of(new FakeHost().file("/proc/sys/kernel/osrelease", "6.1.0-18-amd64\n")));
        assertThat(result.status()).isEqualTo(Status.INFO);
        assertThat(result.summary()).contains("Debian GNU/Linux 12", "6.1.0-18-amd64", "amd64", "node-1");
        assertThat(result.details()).containsEntry("hostname", "node-1").containsEntry("kernel", "6.1.0-18-amd64");
    }
}
