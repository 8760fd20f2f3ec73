package io.lodestar.diagnostics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.Finding;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.SampleReports;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private final Finding leaky = SampleReports.finding("runtime.iggy.config", Category.RUNTIMES,
            CheckResult.warn("config has password = \"hunter2\"").detail("IGGY_ROOT_PASSWORD", "IGGY_ROOT_PASSWORD=hunter2")
                    .detail("token=abc", "x").remediation("rotate token: abcdefgh with Authorization: Bearer abcdefghijkl").build());

    @Test
    void redactionCoversSummaryDetailKeysValuesAndRemediation() {
        Report report = Reports.build(Contexts.of(new FakeHost()), List.of(leaky), Duration.ofMillis(5), true);
        CheckResult r = report.findings().get(0).result();
        assertThat(r.summary()).isEqualTo("config has password = \"[REDACTED]\"");
        assertThat(r.details()).containsEntry("IGGY_ROOT_PASSWORD", "IGGY_ROOT_PASSWORD=[REDACTED]").containsKey("token=[REDACTED]");
        assertThat(r.remediation()).doesNotContain("abcdefghijkl");
        assertThat(report.header().redacted()).isTrue();
    }

    @Test
    void withoutRedactionStringsAreKeptAndTheHeaderSaysSo() {
        Report report = Reports.build(Contexts.of(new FakeHost()), List.of(leaky), Duration.ofMillis(5), false);
        assertThat(report.findings().get(0).result().summary()).contains("hunter2");
        assertThat(report.header().redacted()).isFalse();
        assertThat(report.header().deploymentName()).isEqualTo("standalone");
        assertThat(report.header().hostname()).isEqualTo("node-1");
    }

    @Test
    void countsIncludeEveryStatus() {
        assertThat(SampleReports.mixed().counts()).hasSize(6).containsValues(1, 1, 1, 1, 1, 1);
    }
}
