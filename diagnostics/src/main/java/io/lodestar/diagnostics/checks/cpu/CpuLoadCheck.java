package io.lodestar.diagnostics.checks.cpu;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.util.Locale;
import java.util.Optional;

/** Load averages per core: above one runnable task per core, work queues for the CPU. */
public final class CpuLoadCheck extends AbstractCheck {

    static final double WARN_LOAD_PER_CORE = 1.0;

    public CpuLoadCheck() {
        super("cpu.load", "Load average per core", Category.CPU);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<String> loadavg = context.host().value("/proc/loadavg");
        Optional<String> online = context.host().value("/sys/devices/system/cpu/online");
        if (loadavg.isEmpty() || online.isEmpty()) {
            return CheckResult.skip("/proc/loadavg or /sys/devices/system/cpu/online is not readable");
        }
        String[] f = loadavg.get().split("\\s+");
        double one = Double.parseDouble(f[0]);
        double five = Double.parseDouble(f[1]);
        double fifteen = Double.parseDouble(f[2]);
        int cores = parseCpuCount(online.get());
        double perCore = five / cores;
        String summary = String.format(Locale.ROOT, "5-min load %.2f on %d cores (%.2f per core)", five, cores, perCore);
        CheckResult.Builder result = perCore > WARN_LOAD_PER_CORE
                ? CheckResult.warn(summary).remediation("Find what competes with Iggy for CPU (`top -o %CPU`); "
                        + "move other workloads off the node or give it more cores.")
                : CheckResult.pass(summary);
        return result.detail("load_1m", one).detail("load_5m", five).detail("load_15m", fifteen)
                .detail("cores", cores)
                .detail("load_5m_per_core", String.format(Locale.ROOT, "%.2f", perCore))
                .build();
    }

    /** {@code /sys/devices/system/cpu/online} lists ranges such as {@code 0-3,6,8-9}. */
    static int parseCpuCount(String ranges) {
        int count = 0;
        for (String part : ranges.strip().split(",")) {
            String[] bounds = part.split("-");
            count += bounds.length == 1 ? 1 : Integer.parseInt(bounds[1]) - Integer.parseInt(bounds[0]) + 1;
        }
        return count;
    }
}
