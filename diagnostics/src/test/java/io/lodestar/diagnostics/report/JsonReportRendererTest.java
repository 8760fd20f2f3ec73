package io.lodestar.diagnostics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.testing.SampleReports;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportRendererTest {

    private final JsonNode json = parse(new JsonReportRenderer().render(SampleReports.mixed()));

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not valid JSON: " + e.getMessage(), e);
        }
    }

    @Test
    void headerCarriesTheSnapshotFacts() {
        JsonNode header = json.get("header");
        assertThat(header.get("deployment").asText()).isEqualTo("events-prod");
        assertThat(header.get("node_id").asText()).isEqualTo("610809900976570889");
        assertThat(header.get("generated_at").asText()).isEqualTo("2026-06-01T10:30:00Z");
        assertThat(header.get("redacted").asBoolean()).isTrue();
        assertThat(header.get("sampling_window_ms").asInt()).isEqualTo(200);
    }

    @Test
    void resultsListFailuresFirstWithEveryField() {
        JsonNode first = json.get("results").get(0);
        assertThat(first.get("id").asText()).isEqualTo("disk.space");
        assertThat(first.get("status").asText()).isEqualTo("fail");
        assertThat(first.get("category").asText()).isEqualTo("storage");
        assertThat(first.get("remediation").asText()).isEqualTo("free space");
        assertThat(first.get("details").get("/var/lib/iggy").asText()).isEqualTo("2.0 % free");
        assertThat(json.get("summary").get("fail").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("error").asInt()).isEqualTo(1);
    }

    @Test
    void hostileStringsRoundTripAndNeverContainAClosingScriptTag() {
        String text = new JsonReportRenderer().render(SampleReports.mixed());
        assertThat(text).doesNotContain("</").doesNotContain("<script");
        JsonNode logs = json.findValue("excerpt");
        assertThat(logs.asText()).isEqualTo("<script>alert('x')</script></script><!-- & \"quoted\"");
    }

    @Test
    void quotesBackslashesControlCharactersAndNonAsciiRoundTrip() {
        String message = "path \"C:\\iggy\\data\" \\ tab\tnewline\nreturn\rnul\u0000bell\u0007esc\u001bdel\u007f "
                + "ünïcödé 日本語 🚀 line\u2028paragraph\u2029end";
        Report report = new Report(SampleReports.header(), List.of(SampleReports.finding("runtime.iggy.config", Category.RUNTIMES,
                CheckResult.fail(message).detail(message, message).remediation(message).build())));

        String text = new JsonReportRenderer().render(report);
        JsonNode result = parse(text).get("results").get(0);

        assertThat(result.get("summary").asText()).isEqualTo(message);
        assertThat(result.get("remediation").asText()).isEqualTo(message);
        assertThat(result.get("details").get(message).asText()).isEqualTo(message);
        assertThat(text).as("no raw control character, LS or PS").doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\u2028\\u2029]")
                .contains("\\\"C:\\\\iggy\\\\data\\\"", "tab\\tnewline\\nreturn\\r", "\\u2028", "\\u2029")
                .contains("ünïcödé 日本語 🚀");
    }
}
