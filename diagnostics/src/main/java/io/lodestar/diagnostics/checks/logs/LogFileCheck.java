package io.lodestar.diagnostics.checks.logs;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.host.FileTail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Tail of one component's log: error and warning counts in the last hour and the last lines (redacted in the report). */
abstract class LogFileCheck extends AbstractCheck {

    LogFileCheck(String id, String title) {
        super(id, title, Category.LOGS);
    }

    /** The log file to read, or a reason why there is none. */
    abstract Optional<Path> logFile(HostContext context);

    abstract String noLogReason(HostContext context);

    @Override
    public CheckResult run(HostContext context) {
        Optional<Path> file = logFile(context);
        if (file.isEmpty()) {
            return CheckResult.skip(noLogReason(context));
        }
        if (!Files.isReadable(file.get())) {
            return CheckResult.skip(file.get() + " is not readable");
        }
        LogScan scan = LogScan.of(FileTail.lastLines(file.get(), LogScan.TAIL_BYTES), context.clock().instant());
        String counts = scan.errors() + " error(s), " + scan.warnings() + " warning(s) " + scan.scope();
        CheckResult.Builder result = scan.errors() > 0
                ? CheckResult.warn(counts).remediation("Read the errors in the excerpt below and the full log at "
                        + file.get() + "; repeated errors usually name the failing stream, file or peer.")
                : CheckResult.pass(counts);
        return result.detail("file", file.get())
                .detail("errors", scan.errors())
                .detail("warnings", scan.warnings())
                .detail("excerpt", String.join("\n", scan.excerpt()))
                .build();
    }
}
