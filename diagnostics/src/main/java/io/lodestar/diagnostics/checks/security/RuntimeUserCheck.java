package io.lodestar.diagnostics.checks.security;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.RuntimeProcesses;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** The runtimes should run as an unprivileged user: a network-facing server as root turns any bug into root access. */
public final class RuntimeUserCheck extends AbstractCheck {

    public RuntimeUserCheck() {
        super("security.runtime_user", "Runtime user (not root)", Category.SECURITY);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<ProcessInfo> iggy = RuntimeProcesses.iggy(context);
        Optional<ProcessInfo> connectors = RuntimeProcesses.connectors(context);
        if (iggy.isEmpty() && connectors.isEmpty()) {
            return CheckResult.skip("no runtime is running");
        }
        List<String> asRoot = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        iggy.ifPresent(p -> record("iggy-server", p, asRoot, details));
        connectors.ifPresent(p -> record("iggy-connectors", p, asRoot, details));
        CheckResult.Builder result = asRoot.isEmpty()
                ? CheckResult.pass("runtimes run as unprivileged users")
                : CheckResult.warn(String.join(", ", asRoot) + " running as root")
                        .remediation("Run the runtime as a dedicated user: `User=iggy` in its systemd unit, with the data "
                                + "and config directories owned by that user.");
        return result.details(details).build();
    }

    private static void record(String name, ProcessInfo p, List<String> asRoot, Map<String, String> details) {
        details.put(name, p.user() + " (uid " + p.uid() + ")");
        if (p.runsAsRoot()) {
            asRoot.add(name);
        }
    }
}
