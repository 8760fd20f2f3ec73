package io.lodestar.diagnostics.checks.memory;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.KeyValues;
import java.util.Map;
import java.util.Optional;

/** The kernel's OOM killer count since boot ({@code oom_kill} in {@code /proc/vmstat}, Linux 4.13+). */
public final class OomKillsCheck extends AbstractCheck {

    public OomKillsCheck() {
        super("memory.oom_kills", "Out-of-memory kills", Category.MEMORY);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Map<String, Long>> vmstat = context.host().lines("/proc/vmstat").map(KeyValues::parse);
        if (vmstat.isEmpty() || !vmstat.get().containsKey("oom_kill")) {
            return CheckResult.skip("/proc/vmstat has no oom_kill counter (kernel < 4.13 or not readable)");
        }
        long kills = vmstat.get().get("oom_kill");
        if (kills > 0) {
            return CheckResult.warn(kills + " process(es) killed by the OOM killer since boot")
                    .detail("oom_kill", kills)
                    .remediation("See which processes were killed (`journalctl -k | grep -i 'killed process'`); "
                            + "if it was iggy-server, give the node more memory or lower other workloads' limits.")
                    .build();
        }
        return CheckResult.pass("no OOM kills since boot").detail("oom_kill", 0).build();
    }
}
