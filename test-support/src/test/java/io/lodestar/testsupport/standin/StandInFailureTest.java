package io.lodestar.testsupport.standin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.testsupport.net.FreePorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInFailureTest {

    private static final Duration EXIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void crashOnStartExitsOne() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).crashOnStart().start()) {
            assertThat(iggy.awaitExit(EXIT)).hasValue(1);
            assertThat(iggy.output()).contains("ERROR", "simulated crash on start");
            assertThat(Files.readString(dir.resolve("local_data/logs/iggy-server.log"))).contains("simulated crash on start");
        }
    }

    @Test
    void crashAfterExitsOneOnceRunning() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).crashAfter(Duration.ofMillis(400)).start()) {
            // Read from the output, not by polling health: on a loaded machine a poll can miss a 400 ms window.
            assertThat(iggy.awaitExit(EXIT)).hasValue(1);
            String output = iggy.output();
            assertThat(output).contains(StandInFacts.of(RuntimeName.IGGY).runningMessage(), "simulated crash after 400 ms");
            assertThat(output.indexOf("simulated crash after"))
                    .isGreaterThan(output.indexOf(StandInFacts.of(RuntimeName.IGGY).runningMessage()));
        }
    }

    @Test
    void unparsableTomlExitsOneNamingTheFile() throws Exception {
        Files.createDirectories(dir.resolve("configs"));
        Files.writeString(dir.resolve("configs/server.toml"), "[http\naddress = 127.0.0.1:3000\n");

        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).start()) {
            assertThat(iggy.awaitExit(EXIT)).hasValue(1);
            assertThat(iggy.output()).contains("invalid configuration: cannot parse", "server.toml");
        }
    }

    @Test
    void addressThatDoesNotParseExitsOneNamingTheVariable() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir)
                .override("http", "address", "not-an-address").start()) {
            assertThat(iggy.awaitExit(EXIT)).hasValue(1);
            assertThat(iggy.output()).contains("invalid [http] address 'not-an-address' from IGGY_HTTP_ADDRESS");
        }
    }

    @Test
    void portInUseExitsOne() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir)
                    .override("tcp", "address", "127.0.0.1:" + port).start()) {
                assertThat(iggy.awaitExit(EXIT)).hasValue(1);
                assertThat(iggy.output()).contains("cannot bind TCP server", "127.0.0.1:" + port);
            }
        }
    }

    @Test
    void configFileCanRejectItself() throws Exception {
        Path config = dir.resolve("rejected.toml");
        Files.writeString(config, "[http]\naddress = \"127.0.0.1:" + FreePorts.tcp() + "\"\n\n[standin]\nreject_config = true\n");

        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).configFile(config).start()) {
            assertThat(iggy.awaitExit(EXIT)).hasValue(1);
            assertThat(iggy.output()).contains("invalid configuration");
        }
    }

    @Test
    void unknownRuntimeExitsTwo() throws Exception {
        List<String> command = new ArrayList<>(StandInCommand.of(RuntimeName.IGGY));
        command.set(command.size() - 1, "kafka");

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("unknown runtime 'kafka'");
    }
}
