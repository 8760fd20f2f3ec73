package io.lodestar.diagnostics.checks.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class TransparentHugepagesCheckTest {

    private static Status mode(String file) {
        return new TransparentHugepagesCheck().run(Contexts.of(new FakeHost().file("/sys/kernel/mm/transparent_hugepage/enabled", file)))
                .status();
    }

    @Test
    void readsTheBracketedMode() {
        assertThat(TransparentHugepagesCheck.parseMode("always [madvise] never")).isEqualTo("madvise");
    }

    @Test
    void alwaysWarnsMadviseAndNeverPass() {
        assertThat(mode("[always] madvise never\n")).isEqualTo(Status.WARN);
        assertThat(mode("always [madvise] never\n")).isEqualTo(Status.PASS);
        assertThat(mode("always madvise [never]\n")).isEqualTo(Status.PASS);
    }
}
