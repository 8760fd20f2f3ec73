package io.lodestar.diagnostics.checks.logs;

import io.lodestar.diagnostics.HostContext;
import java.nio.file.Path;
import java.util.Optional;

/** iggy-connectors logs to stdout unless the deployment redirects it to a file. */
public final class ConnectorsLogCheck extends LogFileCheck {

    public ConnectorsLogCheck() {
        super("logs.connectors_recent", "Connectors runtime recent log");
    }

    @Override
    Optional<Path> logFile(HostContext context) {
        return context.connectors().log();
    }

    @Override
    String noLogReason(HostContext context) {
        return "connectors log to stdout (read them with journalctl -u " + context.connectors().serviceUnit() + ")";
    }
}
