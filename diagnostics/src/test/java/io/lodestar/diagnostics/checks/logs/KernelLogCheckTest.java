package io.lodestar.diagnostics.checks.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class KernelLogCheckTest {

    @Test
    void ioErrorsAndOomKillsFromTheKernelWarn() {
        FakeHost host = new FakeHost().file("/var/log/kern.log",
                "Jun  1 10:00:00 node-1 kernel: [ 12.3] blk_update_request: I/O error, dev sdb, sector 123\n"
                        + "Jun  1 10:01:00 node-1 kernel: [ 13.0] Out of memory: Killed process 100 (iggy-server)\n"
                        + "Jun  1 10:02:00 node-1 kernel: [ 14.0] eth0: link up\n");
        var result = new KernelLogCheck().run(Contexts.of(host));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.details()).containsEntry("matches", "2");
    }

    @Test
    void otherDaemonsLinesInSyslogAreIgnored() {
        FakeHost host = new FakeHost().file("/var/log/syslog", "Jun  1 10:00:00 node-1 myapp[5]: I/O error talking to s3\n");
        assertThat(new KernelLogCheck().run(Contexts.of(host)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void noKernelLogFileSkips() {
        assertThat(new KernelLogCheck().run(Contexts.of(new FakeHost())).status()).isEqualTo(Status.SKIP);
    }
}
