package io.lodestar.diagnostics.checks.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class OomKillsCheckTest {

    @Test
    void noKillsPassAnyKillWarns() {
        assertThat(new OomKillsCheck().run(Contexts.of(new FakeHost().file("/proc/vmstat", "nr_free_pages 1\noom_kill 0\n"))).status())
                .isEqualTo(Status.PASS);
        var result = new OomKillsCheck().run(Contexts.of(new FakeHost().file("/proc/vmstat", "oom_kill 3\n")));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.details()).containsEntry("oom_kill", "3");
    }

    @Test
    void oldKernelsWithoutTheCounterSkip() {
        assertThat(new OomKillsCheck().run(Contexts.of(new FakeHost().file("/proc/vmstat", "nr_free_pages 1\n"))).status())
                .isEqualTo(Status.SKIP);
    }
}
