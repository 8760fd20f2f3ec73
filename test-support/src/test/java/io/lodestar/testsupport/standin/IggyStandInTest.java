package io.lodestar.testsupport.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestar.testsupport.net.FreePorts;
import java.net.BindException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IggyStandInTest {

    private static final Duration HEALTHY = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void answersPingOnThePortOfItsConfigFile() throws Exception {
        int http = FreePorts.tcp();
        writeConfig("[http]\nenabled = true\naddress = \"127.0.0.1:" + http + "\"\n");

        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).start()) {
            iggy.awaitHealthy(HEALTHY);

            assertThat(iggy.httpPort()).isEqualTo(http);
            Http ping = Http.get(http, "/ping");
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.body()).isEqualTo("pong");
            assertThat(iggy.output()).contains("Loaded configuration from " + dir.resolve("configs/server.toml"));
        }
    }

    @Test
    void bindsTcpQuicAndWebSocketListeners() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).start()) {
            iggy.awaitHealthy(HEALTHY);

            try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), iggy.port("tcp"));
                 Socket ws = new Socket(InetAddress.getLoopbackAddress(), iggy.port("websocket"))) {
                assertThat(tcp.isConnected()).isTrue();
                assertThat(ws.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> new DatagramSocket(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), iggy.port("quic"))).close())
                    .isInstanceOf(BindException.class);
        }
    }

    @Test
    void environmentOverrideBeatsTheConfigFile() throws Exception {
        int[] ports = FreePorts.tcp(2);
        writeConfig("[http]\naddress = \"127.0.0.1:" + ports[0] + "\"\n");

        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir)
                .override("http", "address", "127.0.0.1:" + ports[1]).start()) {
            iggy.awaitHealthy(HEALTHY);

            assertThat(iggy.httpPort()).isEqualTo(ports[1]);
            assertThat(Http.get(ports[1], "/ping").status()).isEqualTo(200);
            assertThatThrownBy(() -> Http.get(ports[0], "/ping")).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void disabledListenerIsNotBound() throws Exception {
        int tcp = FreePorts.tcp();
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir)
                .override("tcp", "address", "127.0.0.1:" + tcp)
                .override("tcp", "enabled", "false").start()) {
            iggy.awaitHealthy(HEALTHY);

            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), tcp).close())
                    .isInstanceOf(ConnectException.class);
            assertThat(iggy.output()).contains("TCP server is disabled.");
        }
    }

    @Test
    void writesItsDataDirectoryAndLog() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).start()) {
            iggy.awaitHealthy(HEALTHY);

            Path data = dir.resolve("local_data");
            assertThat(iggy.dataDir()).isEqualTo(data);
            assertThat(Files.readString(data.resolve("logs/iggy-server.log")))
                    .contains("Starting iggy-server", "HTTP API has started on: 127.0.0.1:" + iggy.httpPort(),
                            "Iggy server is running");
            assertThat(Files.readString(data.resolve("state/stand-in.state")))
                    .contains("pid=" + iggy.pid(), "start_count=1", "started_at=");
            assertThat(data.resolve("streams/stand-in/messages.log")).isNotEmptyFile();
            assertThat(iggy.output()).contains("Iggy server is running");
        }
    }

    @Test
    void systemPathFromTheEnvironmentIsRelativeToTheWorkingDir() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir)
                .override("system", "path", "elsewhere/data").start()) {
            iggy.awaitHealthy(HEALTHY);

            assertThat(dir.resolve("elsewhere/data/logs/iggy-server.log")).isNotEmptyFile();
            assertThat(dir.resolve("local_data")).doesNotExist();
        }
    }

    @Test
    void restartKeepsTheDataDirectoryAndCountsStarts() throws Exception {
        StandInProcess.Builder builder = StandInProcess.iggy().workingDir(dir);
        try (StandInProcess first = builder.start()) {
            first.awaitHealthy(HEALTHY);
            assertThat(first.stop()).isZero();
        }
        try (StandInProcess second = builder.start()) {
            second.awaitHealthy(HEALTHY);
            assertThat(Files.readString(dir.resolve("local_data/state/stand-in.state"))).contains("start_count=2");
            assertThat(Files.readAllLines(dir.resolve("local_data/streams/stand-in/messages.log"))).hasSize(2);
        }
    }

    @Test
    void statsNeedAuthentication() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).start()) {
            iggy.awaitHealthy(HEALTHY);

            assertThat(Http.get(iggy.httpPort(), "/stats").status()).isEqualTo(401);
            // a bearer the server never issued is refused (extractor.rs resolve_credential)
            assertThat(Http.get(iggy.httpPort(), "/stats", Map.of("Authorization", "Bearer token")).status())
                    .isEqualTo(401);
        }
    }

    @Test
    void failHealthAnswers503() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).failHealth().start()) {
            Http ping = Http.getWhenListening(iggy.httpPort(), "/ping", HEALTHY.toMillis());

            assertThat(ping.status()).isEqualTo(503);
            assertThat(iggy.isHealthy()).isFalse();
            assertThat(iggy.isAlive()).isTrue();
        }
    }

    @Test
    void failHealthAfterAnswers200ThenKeepsRunningWhileAnswering503() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).failHealthAfter(Duration.ofSeconds(2)).start()) {
            assertThat(Http.getWhenListening(iggy.httpPort(), "/ping", HEALTHY.toMillis()).status()).isEqualTo(200);

            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Http.get(iggy.httpPort(), "/ping").status() == 200 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(Http.get(iggy.httpPort(), "/ping").status()).isEqualTo(503);
            assertThat(iggy.isHealthy()).isFalse();
            assertThat(iggy.isAlive()).isTrue();
        }
    }

    @Test
    void startDelayHoldsBackTheListeners() throws Exception {
        long started = System.nanoTime();
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).startDelay(Duration.ofMillis(700)).start()) {
            iggy.awaitHealthy(HEALTHY);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        }
    }

    private void writeConfig(String toml) throws Exception {
        Files.createDirectories(dir.resolve("configs"));
        Files.writeString(dir.resolve("configs/server.toml"), toml);
    }
}
