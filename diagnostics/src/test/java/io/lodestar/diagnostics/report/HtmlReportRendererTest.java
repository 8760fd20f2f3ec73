package io.lodestar.diagnostics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.testing.SampleReports;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {

    private final String html = new HtmlReportRenderer().render(SampleReports.mixed());

    @Test
    void escapesEveryCheckString() {
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;/script&gt;&lt;!-- &amp; &quot;quoted&quot;");
        assertThat(html).doesNotContain("<script>alert");
    }

    @Test
    void embeddedJsonCannotCloseItsScriptElement() {
        int start = html.indexOf("<script type=\"application/json\" id=\"snapshot-data\">");
        int end = html.indexOf("</script>", start);
        String embedded = html.substring(start, end);
        assertThat(embedded).doesNotContain("</").contains("\\u003c/script\\u003e");
    }

    @Test
    void referencesNothingOutsideTheFile() {
        assertThat(html).doesNotContainPattern("(?i)\\s(src|href|action|poster|srcset)\\s*=");
        assertThat(html).doesNotContain("@import").doesNotContain("url(");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    }

    @Test
    void contentSecurityPolicyHashesMatchTheInlineStyleAndScript() throws Exception {
        Matcher csp = Pattern.compile("style-src '(sha256-[^']+)'; script-src '(sha256-[^']+)'").matcher(html);
        assertThat(csp.find()).isTrue();
        String css = between("<style>", "</style>");
        String js = html.substring(html.lastIndexOf("<script>") + 8, html.lastIndexOf("</script>"));
        assertThat(csp.group(1)).isEqualTo(hash(css));
        assertThat(csp.group(2)).isEqualTo(hash(js));
    }

    @Test
    void failuresAndWarningsComeFirstAndAreOpen() {
        assertThat(html.indexOf("id=\"check-disk.space\"")).isLessThan(html.indexOf("id=\"check-kernel.max_map_count\""));
        assertThat(html.indexOf("id=\"check-kernel.max_map_count\"")).isLessThan(html.indexOf("id=\"check-os.info\""));
        assertThat(html).contains("data-status=\"fail\" data-category=\"storage\" open>");
        assertThat(html).contains("data-status=\"info\" data-category=\"os\">");
    }

    @Test
    void headerShowsRedactionAndSummaryCounts() {
        assertThat(html).contains("<dt>Secrets redacted</dt><dd>yes</dd>");
        assertThat(html).contains("data-status=\"fail\"><span class=\"badge s-fail\">fail</span> 1</button>");
        assertThat(html).contains("@media print");
    }

    private String between(String open, String close) {
        int start = html.indexOf(open) + open.length();
        return html.substring(start, html.indexOf(close, start));
    }

    private static String hash(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
    }
}
