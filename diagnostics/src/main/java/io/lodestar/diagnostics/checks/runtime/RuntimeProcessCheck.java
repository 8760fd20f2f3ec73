package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sizes;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Is a runtime's process up, and how big and old is it. "Installed" is judged from its config or data on disk. */
abstract class RuntimeProcessCheck extends AbstractCheck {

    RuntimeProcessCheck(String id, String title) {
        super(id, title, Category.RUNTIMES);
    }

    abstract Optional<ProcessInfo> find(HostContext context);

    abstract String processName(HostContext context);

    /** Files whose presence shows the runtime is meant to run here. */
    abstract List<Path> footprint(HostContext context);

    abstract String serviceUnit(HostContext context);

    @Override
    public CheckResult run(HostContext context) {
        Optional<ProcessInfo> process = find(context);
        String name = processName(context);
        if (process.isEmpty()) {
            Optional<Path> trace = footprint(context).stream().filter(Files::exists).findFirst();
            if (trace.isEmpty()) {
                return CheckResult.skip(name + " is not running and not installed here (no config or data found)");
            }
            return CheckResult.fail(name + " is not running, but " + trace.get() + " exists")
                    .detail("found", trace.get())
                    .remediation("Start it (`systemctl start " + serviceUnit(context) + "`) and read why it stopped: "
                            + "`journalctl -u " + serviceUnit(context) + " -n 200`, or its log files.")
                    .build();
        }
        ProcessInfo p = process.get();
        return CheckResult.pass(name + " running as pid " + p.pid() + ", up " + p.uptime().toMinutes() + " min, "
                        + Sizes.bytes(p.residentBytes()) + " resident")
                .detail("pid", p.pid())
                .detail("user", p.user())
                .detail("path", p.path())
                .detail("command_line", p.commandLine())
                .detail("working_directory", p.workingDirectory())
                .detail("uptime_seconds", p.uptime().toSeconds())
                .detail("resident", Sizes.bytes(p.residentBytes()))
                .build();
    }
}
