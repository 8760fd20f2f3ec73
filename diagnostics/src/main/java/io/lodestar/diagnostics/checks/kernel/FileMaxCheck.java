package io.lodestar.diagnostics.checks.kernel;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sizes;
import io.lodestar.diagnostics.checks.Sysctl;
import java.util.Optional;

/** System-wide file handle ceiling (fs.file-max) and how much of it is allocated (fs.file-nr). */
public final class FileMaxCheck extends AbstractCheck {

    static final long MINIMUM = 65_536;
    static final double WARN_USED_RATIO = 0.8;

    public FileMaxCheck() {
        super("kernel.file_max", "System file handles", Category.KERNEL);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Long> max = Sysctl.readLong(context.host(), "fs.file-max");
        Optional<String> nr = Sysctl.read(context.host(), "fs.file-nr");
        if (max.isEmpty() || nr.isEmpty()) {
            return CheckResult.skip("fs.file-max or fs.file-nr is not readable");
        }
        long allocated = Long.parseLong(nr.get().split("\\s+")[0]);
        double ratio = (double) allocated / max.get();
        CheckResult.Builder result;
        if (max.get() < MINIMUM) {
            result = CheckResult.warn("fs.file-max = " + max.get() + ", below " + MINIMUM)
                    .remediation(Sysctl.persist("fs.file-max", 1_048_576));
        } else if (ratio > WARN_USED_RATIO) {
            result = CheckResult.warn(allocated + " file handles allocated, " + Sizes.percent(ratio) + " of fs.file-max")
                    .remediation("Find the process holding the handles (`lsof | awk '{print $2}' | sort | uniq -c | sort -n | tail`) "
                            + "or " + Sysctl.persist("fs.file-max", max.get() * 2));
        } else {
            result = CheckResult.pass(allocated + " of " + max.get() + " file handles allocated");
        }
        return result.detail("fs.file-max", max.get()).detail("allocated", allocated).build();
    }
}
