package io.lodestar.diagnostics.checks.limits;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sizes;

/** Open-file limit of the runtime: every segment, index and client connection is a descriptor. */
public final class NofileCheck extends AbstractCheck {

    static final long MINIMUM_SOFT = 65_536;
    static final double FAIL_USED_RATIO = 0.9;

    public NofileCheck() {
        super("limits.nofile", "Open file limit", Category.LIMITS);
    }

    @Override
    public CheckResult run(HostContext context) {
        RuntimeTarget target = RuntimeTarget.pick(context);
        long soft = target.process().softOpenFileLimit();
        long hard = target.process().hardOpenFileLimit();
        long open = target.process().openFiles();
        if (soft < 0) {
            return CheckResult.skip("open-file limit of " + target.label() + " is not readable");
        }
        double used = open < 0 ? 0 : (double) open / soft;
        String facts = target.label() + ": soft " + soft + ", hard " + hard + ", " + open + " open";
        String raise = "Raise the limit: LimitNOFILE=1048576 in the runtime's systemd unit (or `nofile` in "
                + "/etc/security/limits.d/ for non-systemd starts), then restart the runtime.";
        CheckResult.Builder result;
        if (used >= FAIL_USED_RATIO) {
            result = CheckResult.fail(facts + " (" + Sizes.percent(used) + " used)").remediation(raise);
        } else if (soft < MINIMUM_SOFT) {
            result = CheckResult.warn(facts + "; soft limit below " + MINIMUM_SOFT).remediation(raise);
        } else {
            result = CheckResult.pass(facts);
        }
        return result.detail("process", target.label()).detail("pid", target.process().pid())
                .detail("soft", soft).detail("hard", hard).detail("open", open).build();
    }
}
