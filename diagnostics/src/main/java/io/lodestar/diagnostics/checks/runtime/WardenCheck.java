package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sizes;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.time.Duration;

/** The agent taking this snapshot: version, uptime, memory and whether it is linked to a Supervisor. */
public final class WardenCheck extends AbstractCheck {

    public WardenCheck() {
        super("runtime.warden", "Warden agent", Category.RUNTIMES);
    }

    @Override
    public CheckResult run(HostContext context) {
        Duration uptime = Duration.between(context.warden().startedAt(), context.clock().instant());
        ProcessInfo self = context.probe().currentProcess();
        String link = context.link().map(l -> l.connected() ? "connected" : "disconnected").orElse("none (standalone)");
        return CheckResult.info("version " + context.warden().version() + ", up " + uptime.toMinutes() + " min, "
                        + Sizes.bytes(self.residentBytes()) + " resident, Supervisor link " + link)
                .detail("version", context.warden().version())
                .detail("started_at", context.warden().startedAt())
                .detail("uptime_seconds", uptime.toSeconds())
                .detail("pid", self.pid())
                .detail("resident", Sizes.bytes(self.residentBytes()))
                .detail("java", System.getProperty("java.runtime.version", "?"))
                .detail("supervisor_link", link)
                .build();
    }
}
