package io.lodestar.testsupport.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connectors runtime's /stats, /sinks and /sources, its api-key, and connector statuses. */
class ConnectorsStatusStandInTest {

    private static final Duration HEALTHY = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aConnectorWhosePluginIsMissingIsInErrorWithItsLastError() throws Exception {
        // FailedPlugin → ConnectorStatus::Error + last_error (runtime main.rs:471-476, context.rs:180-235);
        // api-key header (api/auth.rs:29-55); ConnectorRuntimeStats (connectors/sdk/src/api.rs:75-134)
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(dir.resolve("plugins_libstdout_sink.so"), "");
        Files.writeString(dir.resolve("connectors/stdout.toml"), "type = \"sink\"\nkey = \"stdout\"\nenabled = true\n"
                + "version = 0\nname = \"Stdout sink\"\npath = \"plugins_libstdout_sink\"\n");
        Files.writeString(dir.resolve("connectors/pg.toml"), "type = \"source\"\nkey = \"postgres\"\nenabled = true\n"
                + "version = 0\nname = \"Postgres source\"\npath = \"missing/libiggy_connector_postgres_source\"\n");
        Files.writeString(dir.resolve("connectors/off.toml"), "type = \"sink\"\nkey = \"quickwit\"\nenabled = false\n"
                + "version = 0\nname = \"Quickwit sink\"\npath = \"missing/quickwit\"\n");
        Files.writeString(dir.resolve("config.toml"), "[http]\napi_key = \"k3y\"\n\n[connectors]\nconfig_type = \"local\"\n"
                + "config_dir = \"connectors\"\n");

        try (StandInProcess connectors = StandInProcess.connectors().workingDir(dir).start()) {
            connectors.awaitHealthy(HEALTHY);
            int http = connectors.httpPort();
            assertThat(Http.get(http, "/health").status()).isEqualTo(200);
            assertThat(Http.get(http, "/stats").status()).isEqualTo(401);
            Map<String, String> key = Map.of("api-key", "k3y");

            JsonNode stats = JSON.readTree(Http.get(http, "/stats", key).body());
            assertThat(stats.path("sinks_total").asInt()).isEqualTo(2);
            assertThat(stats.path("sinks_running").asInt()).isEqualTo(1);
            assertThat(stats.path("sources_running").asInt()).isZero();
            Map<String, String> statuses = new java.util.TreeMap<>();
            stats.path("connectors").forEach(c -> statuses.put(c.path("key").asText(), c.path("status").asText()));
            assertThat(statuses).isEqualTo(Map.of("stdout", "running", "postgres", "error", "quickwit", "stopped"));

            JsonNode source = JSON.readTree(Http.get(http, "/sources", key).body()).get(0);
            assertThat(source.path("status").asText()).isEqualTo("error");
            assertThat(source.path("last_error").path("message").asText())
                    .contains("Plugin library not found", "libiggy_connector_postgres_source.so");
            assertThat(JSON.readTree(Http.get(http, "/sinks", key).body()).get(0).has("last_error")).isFalse();
        }
    }
}
