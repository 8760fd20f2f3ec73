package io.lodestar.diagnostics.checks.os;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sizes;
import io.lodestar.diagnostics.checks.Sysctl;
import java.util.Optional;

/** Threads in use against kernel.pid_max and kernel.threads-max: running out stops every new thread. */
public final class ProcessLimitsCheck extends AbstractCheck {

    static final double WARN_RATIO = 0.8;

    public ProcessLimitsCheck() {
        super("os.process_limits", "Process and thread limits", Category.OS);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Long> pidMax = Sysctl.readLong(context.host(), "kernel.pid_max");
        Optional<Long> threadsMax = Sysctl.readLong(context.host(), "kernel.threads-max");
        Optional<String> loadavg = context.host().value("/proc/loadavg");
        if (pidMax.isEmpty() || threadsMax.isEmpty() || loadavg.isEmpty()) {
            return CheckResult.skip("kernel.pid_max, kernel.threads-max or /proc/loadavg is not readable");
        }
        long inUse = parseThreadsInUse(loadavg.get());
        long limit = Math.min(pidMax.get(), threadsMax.get());
        double ratio = (double) inUse / limit;
        CheckResult.Builder result = ratio >= WARN_RATIO
                ? CheckResult.warn(inUse + " threads use " + Sizes.percent(ratio) + " of the limit " + limit)
                        .remediation("Find the process holding the threads (`ps -eLf | awk '{print $2}' | uniq -c | sort -n`) "
                                + "or raise the limit: " + Sysctl.persist("kernel.pid_max", 4194304))
                : CheckResult.pass(inUse + " threads in use of " + limit);
        return result.detail("threads_in_use", inUse)
                .detail("pid_max", pidMax.get())
                .detail("threads_max", threadsMax.get())
                .build();
    }

    /** The fourth field of {@code /proc/loadavg} is {@code running/total} scheduling entities. */
    static long parseThreadsInUse(String loadavg) {
        String field = loadavg.strip().split("\\s+")[3];
        return Long.parseLong(field.substring(field.indexOf('/') + 1));
    }
}
