package io.lodestar.diagnostics.checks.memory;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.KeyValues;
import io.lodestar.diagnostics.checks.Sizes;
import java.util.Map;
import java.util.Optional;

/** Swap in heavy use turns memory access into disk access, the slowest path a broker can take. */
public final class SwapCheck extends AbstractCheck {

    static final double WARN_USED_RATIO = 0.5;

    public SwapCheck() {
        super("memory.swap", "Swap usage", Category.MEMORY);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Map<String, Long>> meminfo = context.host().lines("/proc/meminfo").map(KeyValues::parse);
        if (meminfo.isEmpty() || !meminfo.get().containsKey("SwapTotal")) {
            return CheckResult.skip("/proc/meminfo is not readable");
        }
        long total = meminfo.get().get("SwapTotal") * 1024;
        long used = total - meminfo.get().getOrDefault("SwapFree", 0L) * 1024;
        if (total == 0) {
            return CheckResult.info("no swap configured").detail("swap_total", "0 B").build();
        }
        double ratio = (double) used / total;
        String summary = Sizes.bytes(used) + " of " + Sizes.bytes(total) + " swap in use (" + Sizes.percent(ratio) + ")";
        CheckResult.Builder result = ratio > WARN_USED_RATIO
                ? CheckResult.warn(summary).remediation("Memory pressure is pushing pages to swap: add memory or "
                        + "reduce other workloads, and lower vm.swappiness (see kernel.swappiness).")
                : CheckResult.pass(summary);
        return result.detail("swap_total", Sizes.bytes(total)).detail("swap_used", Sizes.bytes(used)).build();
    }
}
