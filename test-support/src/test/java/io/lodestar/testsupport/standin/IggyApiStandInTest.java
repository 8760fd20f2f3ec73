package io.lodestar.testsupport.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's authenticated API: logins, personal access tokens, /stats, /metrics and /snapshot. */
class IggyApiStandInTest {

    private static final Duration HEALTHY = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void rootFromTheEnvironmentLogsInAndAPersonalAccessTokenWorksAsBearerAcrossRestarts() throws Exception {
        // bootstrap.rs:3306-3320 (root from IGGY_ROOT_*), http.rs:287-290,410 (login, PAT routes),
        // extractor.rs:151-190 (a raw PAT is accepted as the bearer)
        StandInProcess.Builder builder = StandInProcess.iggy().workingDir(dir)
                .env("IGGY_ROOT_USERNAME", "admin").env("IGGY_ROOT_PASSWORD", "s3cret");
        String pat;
        try (StandInProcess iggy = builder.start()) {
            iggy.awaitHealthy(HEALTHY);
            int http = iggy.httpPort();

            assertThat(Http.post(http, "/users/login", Map.of(), "{\"username\":\"admin\",\"password\":\"wrong\"}")
                    .status()).isEqualTo(401);
            Http login = Http.post(http, "/users/login", Map.of(), "{\"username\":\"admin\",\"password\":\"s3cret\"}");
            assertThat(login.status()).isEqualTo(200);
            String jwt = JSON.readTree(login.body()).path("access_token").path("token").asText();
            assertThat(jwt).isNotBlank();

            Http created = Http.post(http, "/personal-access-tokens", bearer(jwt), "{\"name\":\"lodestar\",\"expiry\":null}");
            assertThat(created.status()).isEqualTo(200);
            pat = JSON.readTree(created.body()).path("token").asText();
            assertThat(Http.get(http, "/stats", bearer(pat)).status()).isEqualTo(200);
            assertThat(iggy.stop()).isZero();
        }
        try (StandInProcess again = builder.start()) {
            again.awaitHealthy(HEALTHY);
            assertThat(Http.get(again.httpPort(), "/stats", bearer(pat)).status()).isEqualTo(200);
            Http patLogin = Http.post(again.httpPort(), "/personal-access-tokens/login", Map.of(),
                    "{\"token\":\"" + pat + "\"}");
            assertThat(patLogin.status()).isEqualTo(200);
            assertThat(JSON.readTree(patLogin.body()).path("access_token").path("token").asText()).isNotBlank();
        }
    }

    @Test
    void withoutRootCredentialsAPasswordIsGeneratedAndLoggedOnce() throws Exception {
        // bootstrap.rs:3314-3316: warn!("Generated root user password: {password}")
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).start()) {
            iggy.awaitHealthy(HEALTHY);
            assertThat(iggy.output()).contains("Generated root user password: ");
            assertThat(Http.post(iggy.httpPort(), "/users/login", Map.of(),
                    "{\"username\":\"iggy\",\"password\":\"iggy\"}").status()).isEqualTo(401);
        }
    }

    @Test
    void statsAndMetricsReportTheFiguresTheServerHolds() throws Exception {
        // Stats (core/common/src/types/stats/mod.rs) and the gauges of core/server/src/http/metrics.rs:71-81
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).argument("--with-default-root-credentials")
                .knob("streams", "2").knob("topics", "3").knob("partitions", "6").knob("clients", "4")
                .knob("messages", "100").knob("messages_per_second", "1000").start()) {
            iggy.awaitHealthy(HEALTHY);
            Map<String, String> auth = bearer(login(iggy.httpPort()));

            JsonNode stats = JSON.readTree(Http.get(iggy.httpPort(), "/stats", auth).body());
            assertThat(stats.path("process_id").asLong()).isEqualTo(iggy.pid());
            assertThat(stats.path("streams_count").asInt()).isEqualTo(2);
            assertThat(stats.path("topics_count").asInt()).isEqualTo(3);
            assertThat(stats.path("partitions_count").asInt()).isEqualTo(6);
            assertThat(stats.path("clients_count").asInt()).isEqualTo(4);
            long first = stats.path("messages_count").asLong();
            assertThat(first).isGreaterThanOrEqualTo(100);
            Thread.sleep(50);
            assertThat(JSON.readTree(Http.get(iggy.httpPort(), "/stats", auth).body()).path("messages_count").asLong())
                    .isGreaterThan(first);

            assertThat(Http.get(iggy.httpPort(), "/metrics").status()).isEqualTo(401);
            Http metrics = Http.get(iggy.httpPort(), "/metrics", auth);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("\nstreams 2\n", "\ntopics 3\n", "\npartitions 6\n", "\nclients 4\n",
                    "# TYPE messages gauge\n").endsWith("# EOF\n");
        }
    }

    @Test
    void metricsDisabledInTheConfigAnswer404() throws Exception {
        // metrics.rs validated_endpoint: disabled means the route is never mounted
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).argument("--with-default-root-credentials")
                .override("http.metrics", "enabled", "false").start()) {
            iggy.awaitHealthy(HEALTHY);
            assertThat(Http.get(iggy.httpPort(), "/metrics", bearer(login(iggy.httpPort()))).status()).isEqualTo(404);
        }
    }

    @Test
    void snapshotOfTypeAllIsAZipOfEverySection() throws Exception {
        // core/server/src/snapshot.rs:62-68 (All expands, alone), 139 (<type>.txt), handlers.rs:610-648 (headers)
        Files.createDirectories(dir.resolve("configs"));
        Files.writeString(dir.resolve("configs/server.toml"), "[system]\npath = \"local_data\"\n");
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).argument("--with-default-root-credentials")
                .start()) {
            iggy.awaitHealthy(HEALTHY);
            Map<String, String> auth = bearer(login(iggy.httpPort()));
            String body = "{\"compression\":\"Deflated\",\"snapshot_types\":[\"All\"]}";

            assertThat(Http.postRaw(iggy.httpPort(), "/snapshot", Map.of(), body).status()).isEqualTo(401);
            Http.Raw zip = Http.postRaw(iggy.httpPort(), "/snapshot", auth, body);
            assertThat(zip.status()).isEqualTo(200);
            assertThat(zip.contentType()).isEqualTo("application/zip");
            assertThat(zip.disposition()).matches("attachment; filename=\"iggy_snapshot_\\d{8}_\\d{6}\\.zip\"");
            Map<String, String> entries = unzip(zip.body());
            assertThat(entries).containsKeys("filesystem_overview.txt", "process_list.txt", "server_logs.txt",
                    "server_config.txt");
            assertThat(entries.get("server_config.txt")).contains("path = \"local_data\"");
            assertThat(entries.get("server_logs.txt")).contains("Iggy server is running");

            assertThat(Http.postRaw(iggy.httpPort(), "/snapshot", auth,
                    "{\"compression\":\"Deflated\",\"snapshot_types\":[\"All\",\"ServerLogs\"]}").status()).isEqualTo(400);
        }
    }

    static String login(int port) throws Exception {
        Http login = Http.post(port, "/users/login", Map.of(), "{\"username\":\"iggy\",\"password\":\"iggy\"}");
        assertThat(login.status()).isEqualTo(200);
        return JSON.readTree(login.body()).path("access_token").path("token").asText();
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static Map<String, String> unzip(byte[] bytes) throws Exception {
        Map<String, String> entries = new java.util.TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(zip.readAllBytes()));
            }
        }
        return entries;
    }
}
