package io.lodestar.diagnostics.report;

import io.lodestar.diagnostics.Finding;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.redact.Redactor;
import java.time.Duration;
import java.util.List;

/** Builds the report model from a catalog run, redacting on the way when asked. */
public final class Reports {

    private Reports() {
    }

    public static Report build(HostContext context, List<Finding> findings, Duration duration, boolean redact) {
        String hostname = context.probe().operatingSystem().hostname();
        ReportHeader header = new ReportHeader(context.deploymentName(), context.nodeId(),
                redact ? Redactor.redact(hostname) : hostname, context.clock().instant(), duration,
                context.cpuSampleWindow(), context.warden().version(), redact, List.of());
        return new Report(header, redact ? findings.stream().map(ReportRedaction::apply).toList() : findings);
    }
}
