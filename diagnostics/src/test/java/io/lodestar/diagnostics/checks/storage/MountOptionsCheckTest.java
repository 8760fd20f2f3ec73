package io.lodestar.diagnostics.checks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.host.FileStoreInfo;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountOptionsCheckTest {

    private static Status options(String options) {
        FakeProbe probe = new FakeProbe().store(new FileStoreInfo("/", "/dev/sda1", "ext4", options, 100, 50, 10, 5));
        return new MountOptionsCheck().run(Contexts.on(new FakeHost(), probe)
                .iggy(IggySettings.defaults().withDataDir(Path.of("/var/lib/iggy"))).build()).status();
    }

    @Test
    void readWriteWithRelatimeOrNoatimePasses() {
        assertThat(options("rw,relatime,errors=remount-ro")).isEqualTo(Status.PASS);
        assertThat(options("rw,noatime")).isEqualTo(Status.PASS);
    }

    @Test
    void readOnlyFails() {
        assertThat(options("ro,relatime")).isEqualTo(Status.FAIL);
    }

    @Test
    void strictatimeWarns() {
        assertThat(options("rw,strictatime")).isEqualTo(Status.WARN);
    }
}
