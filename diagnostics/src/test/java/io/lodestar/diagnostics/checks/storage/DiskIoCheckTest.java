package io.lodestar.diagnostics.checks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class DiskIoCheckTest {

    private static final String FAST = "   8       0 sda 1000 0 8000 2000 1000 0 8000 3000 0 4000 5000 0 0 0 0\n";
    private static final String PARTITION = "   8       1 sda1 900 0 7000 90000 900 0 7000 90000 0 4000 5000 0 0 0 0\n";

    @Test
    void averageTimePerIoUnderFiftyMillisecondsPasses() {
        FakeHost host = new FakeHost().file("/proc/diskstats", FAST + PARTITION).file("/sys/block/sda/size", "1");
        var result = new DiskIoCheck().run(Contexts.of(host));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.details()).containsOnlyKeys("sda");
    }

    @Test
    void slowDeviceWithEnoughIosWarns() {
        String slow = "   8      16 sdb 1000 0 8000 60000 1000 0 8000 60000 3 4000 5000 0 0 0 0\n";
        FakeHost host = new FakeHost().file("/proc/diskstats", FAST + slow).file("/sys/block/sda/size", "1")
                .file("/sys/block/sdb/size", "1");
        var result = new DiskIoCheck().run(Contexts.of(host));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("sdb (60.0 ms)");
    }

    @Test
    void slowAverageOverFewIosIsNotJudged() {
        String idle = "   8      16 sdb 10 0 80 6000 10 0 80 6000 0 40 50 0 0 0 0\n";
        FakeHost host = new FakeHost().file("/proc/diskstats", idle).file("/sys/block/sdb/size", "1");
        assertThat(new DiskIoCheck().run(Contexts.of(host)).status()).isEqualTo(Status.PASS);
    }
}
