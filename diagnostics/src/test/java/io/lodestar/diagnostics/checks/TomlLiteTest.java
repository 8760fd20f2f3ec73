package io.lodestar.diagnostics.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TomlLiteTest {

    static final List<String> SERVER = """
            # Iggy server
            [http]
            enabled = true
            address = "0.0.0.0:3000" # all interfaces

            [http.cors]
            allowed_methods = ["GET", "POST"]
            allowed_headers = [
              "content-type",
            ]
            [[connectors.sinks]]
            description = \"\"\"
            multi
            line\"\"\"
            inline = { a = 1, b = "x" }
            max_concurrent_bidi_streams = 10_000
            """.lines().toList();

    @Test
    void readsTableQualifiedScalarValues() {
        assertThat(TomlLite.values(SERVER)).containsEntry("http.enabled", "true").containsEntry("http.address", "0.0.0.0:3000")
                .containsEntry("connectors.sinks.max_concurrent_bidi_streams", "10_000")
                .doesNotContainKey("http.cors.allowed_headers");
    }

    @Test
    void soundFileHasNoProblemsBrokenLinesAreNamedByNumber() {
        assertThat(TomlLite.problems(SERVER)).isEmpty();
        assertThat(TomlLite.problems(List.of("[http", "ok = 1", "just words"))).containsExactly("line 1", "line 3");
        assertThat(TomlLite.problems(List.of("a = [", "1,"))).containsExactly("end of file inside an unterminated array or string");
    }
}
