package io.lodestar.diagnostics.checks.limits;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.KernelVersion;
import io.lodestar.diagnostics.checks.Sizes;
import java.util.List;
import java.util.Optional;

/**
 * Locked-memory limit of the runtime. Before Linux 5.12 io_uring rings were charged to
 * RLIMIT_MEMLOCK and a small limit broke ring setup; from 5.12 they are charged to the memory
 * cgroup, so on supported kernels this is recorded, not judged.
 */
public final class MemlockCheck extends AbstractCheck {

    static final KernelVersion CHARGED_TO_CGROUP_SINCE = new KernelVersion(5, 12);

    public MemlockCheck() {
        super("limits.memlock", "Locked memory limit", Category.LIMITS);
    }

    @Override
    public CheckResult run(HostContext context) {
        RuntimeTarget target = RuntimeTarget.pick(context);
        Optional<String> soft = context.host().lines("/proc/" + target.process().pid() + "/limits")
                .flatMap(lines -> parseSoftLimit(lines, "Max locked memory"));
        if (soft.isEmpty()) {
            return CheckResult.skip("/proc/" + target.process().pid() + "/limits is not readable");
        }
        String shown = soft.get().equals("unlimited") ? "unlimited" : Sizes.bytes(Long.parseLong(soft.get()));
        boolean oldKernel = context.host().value("/proc/sys/kernel/osrelease").flatMap(KernelVersion::parse)
                .map(v -> !v.atLeast(CHARGED_TO_CGROUP_SINCE)).orElse(false);
        CheckResult.Builder result = oldKernel
                ? CheckResult.warn(target.label() + " may lock " + shown + " on a kernel that charges io_uring rings to it")
                        .remediation("Set LimitMEMLOCK=infinity in the runtime's systemd unit, or better, upgrade the kernel.")
                : CheckResult.info(target.label() + " may lock " + shown + " (io_uring is charged to the memory cgroup on this kernel)");
        return result.detail("process", target.label()).detail("soft_limit", shown).build();
    }

    /** A {@code /proc/<pid>/limits} row: name, soft, hard, units, in fixed-width columns. */
    static Optional<String> parseSoftLimit(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name))
                .map(l -> l.substring(name.length()).strip().split("\\s+")[0]).findFirst();
    }
}
