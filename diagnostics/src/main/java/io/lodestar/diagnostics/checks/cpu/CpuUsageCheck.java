package io.lodestar.diagnostics.checks.cpu;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sizes;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU busy share over the context's sample window (two {@code /proc/stat} readings). This is the
 * one check that waits on purpose; a zero window reports the average since boot instead.
 */
public final class CpuUsageCheck extends AbstractCheck {

    static final double WARN_BUSY = 0.9;

    public CpuUsageCheck() {
        super("cpu.usage", "CPU usage (sampled)", Category.CPU);
    }

    @Override
    public CheckResult run(HostContext context) throws InterruptedException {
        Optional<CpuTimes> first = read(context);
        if (first.isEmpty()) {
            return CheckResult.skip("/proc/stat is not readable");
        }
        Duration window = context.cpuSampleWindow();
        CpuTimes sample = first.get();
        if (!window.isZero()) {
            Thread.sleep(window.toMillis());
            sample = read(context).orElseThrow().since(first.get());
        }
        double busy = sample.ratio(sample.busy());
        String over = window.isZero() ? "since boot" : "over " + window.toMillis() + " ms";
        CheckResult.Builder result = busy >= WARN_BUSY
                ? CheckResult.warn("CPU " + Sizes.percent(busy) + " busy " + over)
                        .remediation("The node is CPU-saturated: find the top consumers (`top -o %CPU`, `pidstat 1`) "
                                + "and move work off the node or add cores.")
                : CheckResult.pass("CPU " + Sizes.percent(busy) + " busy " + over);
        return result.detail("busy", Sizes.percent(busy))
                .detail("user", Sizes.percent(sample.ratio(sample.user() + sample.nice())))
                .detail("system", Sizes.percent(sample.ratio(sample.system() + sample.irq() + sample.softirq())))
                .detail("sample_window_ms", window.toMillis())
                .build();
    }

    private static Optional<CpuTimes> read(HostContext context) {
        return context.host().lines("/proc/stat").flatMap(CpuTimes::parse);
    }

}
