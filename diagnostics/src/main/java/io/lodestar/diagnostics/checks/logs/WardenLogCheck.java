package io.lodestar.diagnostics.checks.logs;

import io.lodestar.diagnostics.HostContext;
import java.nio.file.Path;
import java.util.Optional;

public final class WardenLogCheck extends LogFileCheck {

    public WardenLogCheck() {
        super("logs.warden", "Warden recent log");
    }

    @Override
    Optional<Path> logFile(HostContext context) {
        return context.warden().log();
    }

    @Override
    String noLogReason(HostContext context) {
        return "the Warden logs to stdout here (journalctl -u lodestar-warden), no log file configured";
    }
}
