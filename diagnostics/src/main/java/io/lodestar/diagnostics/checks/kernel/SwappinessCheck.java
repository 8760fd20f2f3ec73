package io.lodestar.diagnostics.checks.kernel;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sysctl;
import java.util.Optional;

/** A high swappiness lets the kernel swap out the server's memory to keep page cache, adding latency spikes. */
public final class SwappinessCheck extends AbstractCheck {

    static final long MAXIMUM = 10;

    public SwappinessCheck() {
        super("kernel.swappiness", "Swappiness", Category.KERNEL);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Long> value = Sysctl.readLong(context.host(), "vm.swappiness");
        if (value.isEmpty()) {
            return CheckResult.skip("vm.swappiness is not readable");
        }
        CheckResult.Builder result = value.get() <= MAXIMUM
                ? CheckResult.pass("vm.swappiness = " + value.get())
                : CheckResult.warn("vm.swappiness = " + value.get() + ", above " + MAXIMUM
                                + ": the kernel will swap out the broker's memory under cache pressure")
                        .remediation(Sysctl.persist("vm.swappiness", 1));
        return result.detail("vm.swappiness", value.get()).detail("maximum", MAXIMUM).build();
    }
}
