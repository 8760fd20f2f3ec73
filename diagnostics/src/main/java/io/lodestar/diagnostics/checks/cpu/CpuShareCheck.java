package io.lodestar.diagnostics.checks.cpu;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sizes;
import java.util.Optional;
import java.util.function.ToLongFunction;

/** Share of CPU time since boot spent in one state (steal, iowait), warned above a threshold. */
abstract class CpuShareCheck extends AbstractCheck {

    private final String state;
    private final ToLongFunction<CpuTimes> part;
    private final double warnRatio;
    private final String remediation;

    CpuShareCheck(String id, String title, String state, ToLongFunction<CpuTimes> part, double warnRatio,
                  String remediation) {
        super(id, title, Category.CPU);
        this.state = state;
        this.part = part;
        this.warnRatio = warnRatio;
        this.remediation = remediation;
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<CpuTimes> times = context.host().lines("/proc/stat").flatMap(CpuTimes::parse);
        if (times.isEmpty()) {
            return CheckResult.skip("/proc/stat is not readable");
        }
        double ratio = times.get().ratio(part.applyAsLong(times.get()));
        String summary = state + " " + Sizes.percent(ratio) + " of CPU time since boot";
        CheckResult.Builder result = ratio > warnRatio
                ? CheckResult.warn(summary).remediation(remediation)
                : CheckResult.pass(summary);
        return result.detail(state, Sizes.percent(ratio)).detail("threshold", Sizes.percent(warnRatio)).build();
    }
}
