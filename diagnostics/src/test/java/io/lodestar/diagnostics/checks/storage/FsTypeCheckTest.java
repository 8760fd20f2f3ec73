package io.lodestar.diagnostics.checks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FsTypeCheckTest {

    private static Status dataDirOn(String type) {
        FakeProbe probe = new FakeProbe().store(FakeProbe.store("/", "ext4", 100, 50)).store(FakeProbe.store("/tmp", type, 100, 50));
        return new FsTypeCheck().run(Contexts.on(new FakeHost(), probe)
                .iggy(IggySettings.defaults().withDataDir(Path.of("/tmp/data"))).build()).status();
    }

    @Test
    void localDiskFileSystemsPass() {
        assertThat(dataDirOn("xfs")).isEqualTo(Status.PASS);
    }

    @Test
    void memoryBackedFails() {
        assertThat(dataDirOn("tmpfs")).isEqualTo(Status.FAIL);
    }

    @Test
    void overlayAndNetworkFileSystemsWarn() {
        assertThat(dataDirOn("overlay")).isEqualTo(Status.WARN);
        assertThat(dataDirOn("nfs4")).isEqualTo(Status.WARN);
        assertThat(dataDirOn("fuse.s3fs")).isEqualTo(Status.WARN);
    }
}
