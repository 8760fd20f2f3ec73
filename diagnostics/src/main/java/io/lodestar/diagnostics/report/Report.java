package io.lodestar.diagnostics.report;

import io.lodestar.diagnostics.Finding;
import io.lodestar.diagnostics.Status;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything a snapshot found, ready to render; strings are already redacted when {@code header.redacted()}. */
public record Report(ReportHeader header, List<Finding> findings) {

    public Report {
        findings = List.copyOf(findings);
    }

    /** Every status, zero included, in urgency order. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.status(), 1, Integer::sum));
        return counts;
    }

    /** Failures and warnings first; catalog order within a status. */
    public List<Finding> inReadingOrder() {
        return findings.stream().sorted(Comparator.comparing(Finding::status)).toList();
    }

    public Report withNotes(List<String> notes) {
        return new Report(header.withNotes(notes), findings);
    }
}
