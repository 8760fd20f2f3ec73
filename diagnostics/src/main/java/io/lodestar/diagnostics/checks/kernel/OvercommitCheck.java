package io.lodestar.diagnostics.checks.kernel;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sysctl;
import java.util.Optional;

/**
 * Memory overcommit policy. Mode 2 (strict) counts every mapping against a commit limit, so a
 * server that maps many segment files can see allocations fail long before memory runs out.
 */
public final class OvercommitCheck extends AbstractCheck {

    public OvercommitCheck() {
        super("kernel.overcommit", "Memory overcommit", Category.KERNEL);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Long> mode = Sysctl.readLong(context.host(), "vm.overcommit_memory");
        if (mode.isEmpty()) {
            return CheckResult.skip("vm.overcommit_memory is not readable");
        }
        String ratio = Sysctl.read(context.host(), "vm.overcommit_ratio").orElse("?");
        CheckResult.Builder result = mode.get() == 2
                ? CheckResult.warn("vm.overcommit_memory = 2 (strict accounting, ratio " + ratio + " %)")
                        .remediation("Unless strict accounting is a deliberate policy here, " + Sysctl.persist("vm.overcommit_memory", 0))
                : CheckResult.pass("vm.overcommit_memory = " + mode.get() + (mode.get() == 0 ? " (heuristic)" : " (always)"));
        return result.detail("vm.overcommit_memory", mode.get()).detail("vm.overcommit_ratio", ratio).build();
    }
}
