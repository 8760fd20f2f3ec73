package io.lodestar.diagnostics.checks.kernel;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sysctl;
import java.util.Optional;

/** A kernel tunable that should be at least some value; warns below it with the command that fixes it. */
abstract class MinimumSysctlCheck extends AbstractCheck {

    private final String sysctl;
    private final long minimum;
    private final String why;

    MinimumSysctlCheck(String id, String title, String sysctl, long minimum, String why) {
        super(id, title, Category.KERNEL);
        this.sysctl = sysctl;
        this.minimum = minimum;
        this.why = why;
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Long> value = Sysctl.readLong(context.host(), sysctl);
        if (value.isEmpty()) {
            return CheckResult.skip(Sysctl.path(sysctl) + " is not readable");
        }
        CheckResult.Builder result = value.get() >= minimum
                ? CheckResult.pass(sysctl + " = " + value.get() + " (at least " + minimum + ")")
                : CheckResult.warn(sysctl + " = " + value.get() + ", below " + minimum + ": " + why)
                        .remediation(Sysctl.persist(sysctl, minimum));
        return result.detail(sysctl, value.get()).detail("minimum", minimum).build();
    }
}
