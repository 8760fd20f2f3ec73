package io.lodestar.diagnostics.checks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiskSpaceCheckTest {

    private static HostContext withData(long dataUsable, long rootUsable) {
        FakeProbe probe = new FakeProbe().store(FakeProbe.store("/", "ext4", 1000, rootUsable))
                .store(FakeProbe.store("/tmp", "ext4", 1000, dataUsable))
                .store(FakeProbe.store("/snap/core", "squashfs", 1000, 0));
        return Contexts.on(new FakeHost(), probe).iggy(IggySettings.defaults().withDataDir(Path.of("/tmp/iggy-data"))).build();
    }

    @Test
    void fifteenPercentFreeEverywherePassesAndNamesTheDataDirFirst() {
        var result = new DiskSpaceCheck().run(withData(150, 900));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.details().keySet()).startsWith("/tmp");
        assertThat(result.details().get("/tmp")).contains("[iggy data]");
    }

    @Test
    void dataDirBelowFifteenPercentWarns() {
        var result = new DiskSpaceCheck().run(withData(149, 900));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).startsWith("/tmp");
    }

    @Test
    void anyFileSystemBelowFivePercentFails() {
        var result = new DiskSpaceCheck().run(withData(500, 49));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).startsWith("/:");
        assertThat(result.remediation()).contains("retention");
    }

    @Test
    void readOnlyImagesAreIgnored() {
        assertThat(new DiskSpaceCheck().run(withData(500, 500)).details()).doesNotContainKey("/snap/core");
    }
}
