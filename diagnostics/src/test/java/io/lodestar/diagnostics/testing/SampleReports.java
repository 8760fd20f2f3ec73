package io.lodestar.diagnostics.testing;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.Finding;
import io.lodestar.diagnostics.report.Report;
import io.lodestar.diagnostics.report.ReportHeader;
import java.time.Duration;
import java.util.List;

/** A small report with one finding per interesting status, including hostile strings. */
public final class SampleReports {

    private SampleReports() {
    }

    public static Finding finding(String id, Category category, CheckResult result) {
        return new Finding(id, "Title of " + id, category, result, Duration.ofMillis(3));
    }

    public static Report mixed() {
        return new Report(header(), List.of(
                finding("os.info", Category.OS, CheckResult.info("Debian 12").detail("kernel", "6.1.0").build()),
                finding("kernel.max_map_count", Category.KERNEL, CheckResult.warn("vm.max_map_count = 65530")
                        .remediation("set vm.max_map_count=262144 in /etc/sysctl.d/90-iggy.conf").build()),
                finding("disk.space", Category.STORAGE, CheckResult.fail("/var/lib/iggy has 2.0 % free")
                        .remediation("free space").detail("/var/lib/iggy", "2.0 % free").build()),
                finding("logs.iggy_recent", Category.LOGS, CheckResult.pass("0 errors")
                        .detail("excerpt", "<script>alert('x')</script></script><!-- & \"quoted\"").build()),
                finding("net.supervisor_link", Category.NETWORK, CheckResult.skip("no Supervisor link")),
                finding("cpu.usage", Category.CPU, CheckResult.error("IllegalStateException: boom"))));
    }

    public static ReportHeader header() {
        return new ReportHeader("events-prod", "610809900976570889", "node-1", Contexts.NOW, Duration.ofMillis(420),
                Duration.ofMillis(200), "1.2.3", true, List.of());
    }
}
