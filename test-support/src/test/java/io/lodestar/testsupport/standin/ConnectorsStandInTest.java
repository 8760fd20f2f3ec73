package io.lodestar.testsupport.standin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.testsupport.net.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorsStandInTest {

    private static final Duration HEALTHY = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void answersHealthAndWritesItsStateDir() throws Exception {
        try (StandInProcess connectors = StandInProcess.connectors().workingDir(dir).start()) {
            connectors.awaitHealthy(HEALTHY);

            Http health = Http.get(connectors.httpPort(), "/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"healthy\"}");
            assertThat(Http.get(connectors.httpPort(), "/sinks").body()).isEqualTo("[]");
            assertThat(Files.readString(dir.resolve("local_state/stand-in.state")))
                    .contains("mode=connectors", "pid=" + connectors.pid());
            assertThat(connectors.output()).contains("iggy_connectors: Iggy connectors runtime is running");
        }
    }

    @Test
    void readsItsOwnConfigPathAndEnvironmentPrefix() throws Exception {
        int[] ports = FreePorts.tcp(2);
        Path config = dir.resolve("connectors.toml");
        Files.writeString(config, "[http]\naddress = \"127.0.0.1:" + ports[0] + "\"\n\n[state]\npath = \"from_file\"\n");

        try (StandInProcess connectors = StandInProcess.connectors().workingDir(dir).configFile(config)
                .env("IGGY_CONNECTORS_HTTP_ADDRESS", "127.0.0.1:" + ports[1]).start()) {
            connectors.awaitHealthy(HEALTHY);

            assertThat(connectors.httpPort()).isEqualTo(ports[1]);
            assertThat(dir.resolve("from_file/stand-in.state")).isNotEmptyFile();
        }
    }

    @Test
    void failHealthFromTheConfigFileAnswers503() throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "[standin]\nfail_health = true\n");

        try (StandInProcess connectors = StandInProcess.connectors().workingDir(dir).start()) {
            Http health = Http.getWhenListening(connectors.httpPort(), "/health", HEALTHY.toMillis());

            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"unhealthy\"}");
        }
    }
}
