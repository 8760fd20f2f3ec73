package io.lodestar.diagnostics.checks.os;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.host.OsSummary;

/** Distribution, kernel, architecture and hostname: the first thing anyone asks. */
public final class OsInfoCheck extends AbstractCheck {

    public OsInfoCheck() {
        super("os.info", "Operating system", Category.OS);
    }

    @Override
    public CheckResult run(HostContext context) {
        OsSummary os = context.probe().operatingSystem();
        String kernel = context.host().value("/proc/sys/kernel/osrelease").orElse("unknown");
        return CheckResult.info(os.family() + " " + os.version() + ", kernel " + kernel + ", " + os.arch()
                        + ", host " + os.hostname())
                .detail("family", os.family())
                .detail("version", os.version())
                .detail("code_name", os.codeName())
                .detail("build", os.build())
                .detail("kernel", kernel)
                .detail("arch", os.arch())
                .detail("bitness", os.bitness())
                .detail("hostname", os.hostname())
                .build();
    }
}
