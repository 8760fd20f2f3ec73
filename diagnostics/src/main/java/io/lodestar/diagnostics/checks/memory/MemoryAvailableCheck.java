package io.lodestar.diagnostics.checks.memory;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.KeyValues;
import io.lodestar.diagnostics.checks.Sizes;
import java.util.Map;
import java.util.Optional;

/** MemAvailable against MemTotal: Iggy leans on the page cache, so little available memory means disk reads. */
public final class MemoryAvailableCheck extends AbstractCheck {

    static final double WARN_RATIO = 0.10;
    static final double FAIL_RATIO = 0.05;

    public MemoryAvailableCheck() {
        super("memory.available", "Available memory", Category.MEMORY);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Map<String, Long>> meminfo = context.host().lines("/proc/meminfo").map(KeyValues::parse);
        if (meminfo.isEmpty() || !meminfo.get().containsKey("MemAvailable")) {
            return CheckResult.skip("/proc/meminfo is not readable or has no MemAvailable (kernel < 3.14)");
        }
        long total = meminfo.get().get("MemTotal") * 1024;
        long available = meminfo.get().get("MemAvailable") * 1024;
        double ratio = (double) available / total;
        String summary = Sizes.bytes(available) + " of " + Sizes.bytes(total) + " available (" + Sizes.percent(ratio) + ")";
        String remediation = "Find the largest consumers (`ps aux --sort=-rss | head`), reduce other workloads on the node, "
                + "or add memory.";
        CheckResult.Builder result = ratio < FAIL_RATIO ? CheckResult.fail(summary).remediation(remediation)
                : ratio < WARN_RATIO ? CheckResult.warn(summary).remediation(remediation)
                : CheckResult.pass(summary);
        return result.detail("total", Sizes.bytes(total))
                .detail("available", Sizes.bytes(available))
                .detail("cached", Sizes.bytes(meminfo.get().getOrDefault("Cached", 0L) * 1024))
                .build();
    }
}
