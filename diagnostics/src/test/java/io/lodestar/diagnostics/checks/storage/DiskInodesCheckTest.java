package io.lodestar.diagnostics.checks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.host.FileStoreInfo;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import org.junit.jupiter.api.Test;

class DiskInodesCheckTest {

    private static Status inodes(long free) {
        FakeProbe probe = new FakeProbe().store(new FileStoreInfo("/", "/dev/sda1", "ext4", "rw", 100, 90, 1000, free))
                .store(new FileStoreInfo("/data", "/dev/sdb1", "btrfs", "rw", 100, 90, 0, 0));
        return new DiskInodesCheck().run(Contexts.on(new FakeHost(), probe).build()).status();
    }

    @Test
    void thresholdsAreFifteenAndFivePercentFree() {
        assertThat(inodes(150)).isEqualTo(Status.PASS);
        assertThat(inodes(149)).isEqualTo(Status.WARN);
        assertThat(inodes(49)).isEqualTo(Status.FAIL);
    }

    @Test
    void fileSystemsWithoutInodeCountsAreLeftOutAndAloneTheySkip() {
        FakeProbe probe = new FakeProbe().store(new FileStoreInfo("/data", "/dev/sdb1", "btrfs", "rw", 100, 90, 0, 0));
        assertThat(new DiskInodesCheck().run(Contexts.on(new FakeHost(), probe).build()).status()).isEqualTo(Status.SKIP);
    }
}
