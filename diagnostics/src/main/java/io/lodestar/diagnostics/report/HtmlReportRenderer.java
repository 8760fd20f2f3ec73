package io.lodestar.diagnostics.report;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.Finding;
import io.lodestar.diagnostics.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * {@code report.html}: one file that opens offline. CSS and JS are inline and allowed by hash in
 * a {@code default-src 'none'} policy, so the page cannot fetch anything even if a string slipped
 * through escaping. Without JavaScript every check is listed, warnings and failures expanded.
 */
public final class HtmlReportRenderer {

    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    private static final String POLICY = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '"
            + sha256(JS) + "'; base-uri 'none'; form-action 'none'";

    private final JsonReportRenderer json = new JsonReportRenderer();

    public String render(Report report) {
        ReportHeader h = report.header();
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape("Snapshot " + h.deploymentName() + " / " + h.nodeId())).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        header(out, h);
        summary(out, report.counts());
        controls(out);
        out.append("<main id=\"checks\">\n");
        report.inReadingOrder().forEach(f -> finding(out, f));
        out.append("</main>\n<script type=\"application/json\" id=\"snapshot-data\">")
                .append(json.render(report))
                .append("</script>\n<script>").append(JS).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, ReportHeader h) {
        out.append("<header>\n<h1>Lodestar snapshot: ").append(Html.escape(h.deploymentName())).append("</h1>\n<dl>")
                .append(item("Deployment", h.deploymentName())).append(item("Node", h.nodeId()))
                .append(item("Hostname", h.hostname())).append(item("Generated", h.generatedAt().toString()))
                .append(item("Time taken", h.duration().toMillis() + " ms (incl. " + h.samplingWindow().toMillis() + " ms CPU sampling)"))
                .append(item("Warden version", h.wardenVersion()))
                .append(item("Secrets redacted", h.redacted() ? "yes" : "NO: this report may contain secrets"))
                .append("</dl>\n");
        if (!h.notes().isEmpty()) {
            out.append("<div class=\"notes\"><strong>Bundle notes</strong><ul>");
            h.notes().forEach(n -> out.append("<li>").append(Html.escape(n)).append("</li>"));
            out.append("</ul></div>\n");
        }
        out.append("</header>\n");
    }

    private static String item(String label, String value) {
        return "<dt>" + Html.escape(label) + "</dt><dd>" + Html.escape(value) + "</dd>";
    }

    private static void summary(StringBuilder out, Map<Status, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.append("<nav class=\"summary\" aria-label=\"Counts by status\">")
                .append("<button type=\"button\" data-status=\"\">all ").append(total).append("</button>");
        counts.forEach((status, n) -> out.append("<button type=\"button\" data-status=\"").append(status.label())
                .append("\"><span class=\"badge s-").append(status.label()).append("\">").append(status.label())
                .append("</span> ").append(n).append("</button>"));
        out.append("</nav>\n");
    }

    private static void controls(StringBuilder out) {
        out.append("<div class=\"controls\"><input type=\"search\" id=\"search\" placeholder=\"Search checks, details, remediation\" ")
                .append("aria-label=\"Search\"><select id=\"category\" aria-label=\"Category\"><option value=\"\">all categories</option>");
        for (Category c : Category.values()) {
            out.append("<option value=\"").append(c.label()).append("\">").append(c.label()).append("</option>");
        }
        out.append("</select><button type=\"button\" id=\"expand-all\">expand all</button>")
                .append("<button type=\"button\" id=\"copy-json\">copy JSON</button>")
                .append("<span id=\"shown-count\" class=\"muted\"></span></div>\n");
    }

    private static void finding(StringBuilder out, Finding f) {
        String status = f.status().label();
        boolean open = f.status() == Status.FAIL || f.status() == Status.WARN || f.status() == Status.ERROR;
        out.append("<details class=\"check\" id=\"check-").append(Html.escape(f.id())).append("\" data-status=\"")
                .append(status).append("\" data-category=\"").append(f.category().label()).append("\"")
                .append(open ? " open" : "").append(">\n<summary><span class=\"badge s-").append(status).append("\">")
                .append(status).append("</span><span class=\"id\">").append(Html.escape(f.id()))
                .append("</span><span class=\"title\">").append(Html.escape(f.title()))
                .append("</span><span class=\"line\">").append(Html.escape(f.result().summary())).append("</span></summary>\n");
        if (!f.result().remediation().isEmpty()) {
            out.append("<p class=\"remediation\"><strong>Remediation:</strong> ")
                    .append(Html.escape(f.result().remediation())).append("</p>\n");
        }
        out.append("<table>");
        f.result().details().forEach((k, v) -> out.append("<tr><th>").append(Html.escape(k)).append("</th><td><pre>")
                .append(Html.escape(v)).append("</pre></td></tr>"));
        out.append("<tr><th>category / time</th><td>").append(f.category().label()).append(" / ")
                .append(f.elapsed().toMillis()).append(" ms</td></tr></table>\n</details>\n");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing report resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
