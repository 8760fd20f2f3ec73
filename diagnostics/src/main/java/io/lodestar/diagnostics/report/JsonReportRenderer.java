package io.lodestar.diagnostics.report;

import io.lodestar.diagnostics.Finding;
import java.util.Map;
import java.util.StringJoiner;

/** {@code results.json}: the report model as JSON, also embedded in the HTML for tools. */
public final class JsonReportRenderer {

    public static final int SCHEMA_VERSION = 1;

    public String render(Report report) {
        ReportHeader h = report.header();
        StringBuilder out = new StringBuilder(16 * 1024);
        out.append("{\n  \"schema\": ").append(SCHEMA_VERSION).append(",\n  \"header\": {")
                .append("\"deployment\": ").append(Json.quote(h.deploymentName()))
                .append(", \"node_id\": ").append(Json.quote(h.nodeId()))
                .append(", \"hostname\": ").append(Json.quote(h.hostname()))
                .append(", \"generated_at\": ").append(Json.quote(h.generatedAt().toString()))
                .append(", \"duration_ms\": ").append(h.duration().toMillis())
                .append(", \"sampling_window_ms\": ").append(h.samplingWindow().toMillis())
                .append(", \"warden_version\": ").append(Json.quote(h.wardenVersion()))
                .append(", \"redacted\": ").append(h.redacted())
                .append(", \"notes\": ").append(array(h.notes()))
                .append("},\n  \"summary\": {");
        StringJoiner counts = new StringJoiner(", ");
        report.counts().forEach((status, n) -> counts.add(Json.quote(status.label()) + ": " + n));
        out.append(counts).append("},\n  \"results\": [");
        StringJoiner results = new StringJoiner(",", "\n", "\n  ");
        report.inReadingOrder().forEach(f -> results.add(finding(f)));
        return out.append(report.findings().isEmpty() ? "" : results.toString()).append("]\n}\n").toString();
    }

    private static String finding(Finding f) {
        StringJoiner details = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, String> e : f.result().details().entrySet()) {
            details.add(Json.quote(e.getKey()) + ": " + Json.quote(e.getValue()));
        }
        return "    {\"id\": " + Json.quote(f.id())
                + ", \"title\": " + Json.quote(f.title())
                + ", \"category\": " + Json.quote(f.category().label())
                + ", \"status\": " + Json.quote(f.status().label())
                + ", \"summary\": " + Json.quote(f.result().summary())
                + ", \"details\": " + details
                + ", \"remediation\": " + Json.quote(f.result().remediation())
                + ", \"elapsed_ms\": " + f.elapsed().toMillis() + "}";
    }

    private static String array(java.util.List<String> items) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        items.forEach(i -> out.add(Json.quote(i)));
        return out.toString();
    }

}
