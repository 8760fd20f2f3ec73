package io.lodestar.diagnostics.report;

import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.Finding;
import io.lodestar.diagnostics.redact.Redactor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Applies {@link Redactor} to every string of a finding that leaves the node: summary, detail keys and values, remediation. */
final class ReportRedaction {

    private ReportRedaction() {
    }

    static Finding apply(Finding finding) {
        CheckResult r = finding.result();
        Map<String, String> details = new LinkedHashMap<>();
        r.details().forEach((k, v) -> details.put(Redactor.redact(k), Redactor.redact(v)));
        CheckResult redacted = new CheckResult(r.status(), Redactor.redact(r.summary()), details, Redactor.redact(r.remediation()));
        return new Finding(finding.id(), finding.title(), finding.category(), redacted, finding.elapsed());
    }
}
