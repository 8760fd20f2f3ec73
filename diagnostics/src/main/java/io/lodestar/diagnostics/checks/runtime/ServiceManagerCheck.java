package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.RuntimeSettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.host.HostReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether systemd manages the runtimes: unit file installed, and active (its cgroup holds
 * processes). Restart counts need {@code systemctl show -p NRestarts}, which this check does not
 * run; the detail says so rather than inventing a number.
 */
public final class ServiceManagerCheck extends AbstractCheck {

    static final List<String> UNIT_DIRS = List.of("/etc/systemd/system", "/run/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system");

    public ServiceManagerCheck() {
        super("runtime.service_manager", "systemd units of the runtimes", Category.RUNTIMES);
    }

    @Override
    public CheckResult run(HostContext context) {
        HostReader host = context.host();
        if (!host.exists("/run/systemd/system")) {
            return CheckResult.skip("systemd is not the service manager here (/run/systemd/system absent)");
        }
        Status status = Status.INFO;
        StringBuilder summary = new StringBuilder();
        Map<String, String> details = new LinkedHashMap<>();
        for (RuntimeSettings runtime : context.runtimes()) {
            String unit = runtime.serviceUnit();
            Optional<String> file = UNIT_DIRS.stream().map(d -> d + "/" + unit).filter(host::exists).findFirst();
            boolean active = host.read("/sys/fs/cgroup/system.slice/" + unit + "/cgroup.procs").map(p -> !p.isBlank()).orElse(false);
            String state = file.isEmpty() ? "not installed" : active ? "active" : "installed, not active";
            if (file.isPresent() && !active) {
                status = Status.WARN;
            }
            summary.append(summary.length() == 0 ? "" : "; ").append(unit).append(": ").append(state);
            details.put(unit, state + file.map(f -> " (" + f + ")").orElse(""));
        }
        details.put("restart_counts", "not read: run `systemctl show -p NRestarts <unit>`");
        return CheckResult.of(status, summary.toString())
                .details(details)
                .remediation(status == Status.WARN ? "Start the inactive unit (`systemctl enable --now <unit>`) and read "
                        + "`journalctl -u <unit> -n 200` for why it stopped." : "")
                .build();
    }
}
