package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.RuntimeSettings;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.RuntimeProcesses;
import io.lodestar.diagnostics.checks.Sizes;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Is a runtime's process up, and how big and old is it. "Installed" is judged from its config or data on disk. */
public final class RuntimeProcessCheck extends AbstractCheck {

    private final Function<HostContext, RuntimeSettings> runtime;

    public RuntimeProcessCheck(String id, String title, Function<HostContext, RuntimeSettings> runtime) {
        super(id, title, Category.RUNTIMES);
        this.runtime = runtime;
    }

    @Override
    public CheckResult run(HostContext context) {
        RuntimeSettings settings = runtime.apply(context);
        Optional<ProcessInfo> process = RuntimeProcesses.of(context, settings);
        String name = settings.processName();
        if (process.isEmpty()) {
            Optional<Path> trace = settings.footprint().stream().filter(Files::exists).findFirst();
            if (trace.isEmpty()) {
                return CheckResult.skip(name + " is not running and not installed here (no config or data found)");
            }
            return CheckResult.fail(name + " is not running, but " + trace.get() + " exists")
                    .detail("found", trace.get())
                    .remediation("Start it (`systemctl start " + settings.serviceUnit() + "`) and read why it stopped: "
                            + "`journalctl -u " + settings.serviceUnit() + " -n 200`, or its log files.")
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
