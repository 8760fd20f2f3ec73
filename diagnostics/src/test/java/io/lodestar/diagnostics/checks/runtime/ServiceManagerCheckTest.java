package io.lodestar.diagnostics.checks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class ServiceManagerCheckTest {

    @Test
    void withoutSystemdItSkips() {
        assertThat(new ServiceManagerCheck().run(Contexts.of(new FakeHost())).status()).isEqualTo(Status.SKIP);
    }

    @Test
    void activeUnitIsInfoInstalledButInactiveWarns() {
        FakeHost host = new FakeHost().file("/run/systemd/system/dbus.service", "")
                .file("/etc/systemd/system/iggy.service", "[Service]\n")
                .file("/sys/fs/cgroup/system.slice/iggy.service/cgroup.procs", "1234\n");
        var active = new ServiceManagerCheck().run(Contexts.of(host));
        assertThat(active.status()).isEqualTo(Status.INFO);
        assertThat(active.details().get("iggy.service")).startsWith("active");
        assertThat(active.details().get("iggy-connectors.service")).isEqualTo("not installed");

        host.file("/sys/fs/cgroup/system.slice/iggy.service/cgroup.procs", "");
        assertThat(new ServiceManagerCheck().run(Contexts.of(host)).status()).isEqualTo(Status.WARN);
    }
}
