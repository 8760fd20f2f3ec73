package io.lodestar.diagnostics.checks.kernel;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.KernelVersion;
import io.lodestar.diagnostics.checks.Sysctl;
import java.util.Optional;

/**
 * io_uring availability. Since Linux 6.6, {@code kernel.io_uring_disabled} can switch it off:
 * 1 limits it to the group in {@code kernel.io_uring_group}, 2 disables it for everyone.
 */
public final class IoUringCheck extends AbstractCheck {

    public IoUringCheck() {
        super("kernel.io_uring", "io_uring enabled", Category.KERNEL);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<KernelVersion> kernel = context.host().value("/proc/sys/kernel/osrelease").flatMap(KernelVersion::parse);
        if (kernel.isEmpty()) {
            return CheckResult.skip("kernel release is not readable");
        }
        if (!kernel.get().atLeast(KernelVersion.IGGY_MINIMUM)) {
            return CheckResult.fail("kernel " + kernel.get() + " lacks the io_uring features iggy-server needs")
                    .remediation("Upgrade to Linux " + KernelVersion.IGGY_MINIMUM + " or later (see os.kernel_version).")
                    .build();
        }
        Optional<Long> disabled = Sysctl.readLong(context.host(), "kernel.io_uring_disabled");
        if (disabled.isEmpty()) {
            return CheckResult.pass("io_uring enabled (kernel " + kernel.get() + " has no io_uring_disabled switch)").build();
        }
        CheckResult.Builder result = switch (disabled.get().intValue()) {
            case 0 -> CheckResult.pass("io_uring enabled for all processes");
            case 1 -> CheckResult.warn("io_uring restricted to the group in kernel.io_uring_group (gid "
                            + Sysctl.read(context.host(), "kernel.io_uring_group").orElse("?") + ")")
                    .remediation("Run iggy-server with that group as a supplementary group, or "
                            + Sysctl.persist("kernel.io_uring_disabled", 0));
            default -> CheckResult.fail("io_uring disabled (kernel.io_uring_disabled = " + disabled.get() + ")")
                    .remediation(Sysctl.persist("kernel.io_uring_disabled", 0) + "; iggy-server cannot run without io_uring");
        };
        return result.detail("kernel.io_uring_disabled", disabled.get()).build();
    }
}
