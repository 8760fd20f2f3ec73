package io.lodestar.diagnostics.checks.os;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.KernelVersion;
import java.util.Optional;

/** iggy-server's io_uring runtime needs Linux 5.19 or later; older kernels cannot run it. */
public final class KernelVersionCheck extends AbstractCheck {

    public KernelVersionCheck() {
        super("os.kernel_version", "Kernel version for io_uring", Category.OS);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<String> release = context.host().value("/proc/sys/kernel/osrelease");
        if (release.isEmpty()) {
            return CheckResult.skip("/proc/sys/kernel/osrelease is not readable (not Linux?)");
        }
        Optional<KernelVersion> version = KernelVersion.parse(release.get());
        if (version.isEmpty()) {
            return CheckResult.error("unrecognised kernel release: " + release.get());
        }
        if (version.get().atLeast(KernelVersion.IGGY_MINIMUM)) {
            return CheckResult.pass("kernel " + release.get() + " meets Iggy's minimum " + KernelVersion.IGGY_MINIMUM)
                    .detail("release", release.get()).build();
        }
        return CheckResult.fail("kernel " + release.get() + " is older than " + KernelVersion.IGGY_MINIMUM
                        + "; iggy-server's io_uring runtime will not start")
                .detail("release", release.get())
                .detail("minimum", KernelVersion.IGGY_MINIMUM)
                .remediation("Upgrade the host to Linux " + KernelVersion.IGGY_MINIMUM
                        + " or later (e.g. the distribution's HWE/backports kernel) and reboot.")
                .build();
    }
}
