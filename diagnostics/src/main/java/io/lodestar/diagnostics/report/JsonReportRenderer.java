package io.lodestar.diagnostics.report;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestar.diagnostics.Finding;
import java.io.UncheckedIOException;

/**
 * {@code results.json}: the report model as JSON, also embedded in the HTML for tools. Built as a
 * Jackson tree, never by mapping classes, so a native-image Warden needs no reflection
 * registration for it.
 */
public final class JsonReportRenderer {

    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
            .characterEscapes(new ScriptSafeEscapes()).build()).enable(SerializationFeature.INDENT_OUTPUT).build();

    public String render(Report report) {
        ObjectNode root = MAPPER.createObjectNode().put("schema", SCHEMA_VERSION);
        ReportHeader h = report.header();
        ObjectNode header = root.putObject("header")
                .put("deployment", h.deploymentName())
                .put("node_id", h.nodeId())
                .put("hostname", h.hostname())
                .put("generated_at", h.generatedAt().toString())
                .put("duration_ms", h.duration().toMillis())
                .put("sampling_window_ms", h.samplingWindow().toMillis())
                .put("warden_version", h.wardenVersion())
                .put("redacted", h.redacted());
        ArrayNode notes = header.putArray("notes");
        h.notes().forEach(notes::add);
        ObjectNode summary = root.putObject("summary");
        report.counts().forEach((status, n) -> summary.put(status.label(), n));
        ArrayNode results = root.putArray("results");
        report.inReadingOrder().forEach(f -> finding(results.addObject(), f));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a report tree that cannot be written", e);
        }
    }

    private static void finding(ObjectNode out, Finding f) {
        out.put("id", f.id())
                .put("title", f.title())
                .put("category", f.category().label())
                .put("status", f.status().label())
                .put("summary", f.result().summary());
        ObjectNode details = out.putObject("details");
        f.result().details().forEach(details::put);
        out.put("remediation", f.result().remediation())
                .put("elapsed_ms", f.elapsed().toMillis());
    }
}
