package io.lodestar.warden.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.testsupport.net.FreePorts;
import io.lodestar.testsupport.standin.StandInCommand;
import io.lodestar.warden.runtime.ActionResult;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.HttpHealthProbe;
import io.lodestar.warden.runtime.ProcessDriver;
import io.lodestar.warden.runtime.ProcessSpec;
import io.lodestar.warden.runtime.RuntimeProgress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconfigure through the task handler against the stand-in runtime, a real child process: the
 * config file decides which TCP port it listens on, so a test can see which config it runs with.
 */
class ReconfigurationTest {

    @TempDir
    Path dir;

    private Path configPath;
    private ProcessDriver driver;
    private RuntimeActionHandler handler;
    private int oldTcpPort;
    private int newTcpPort;
    private String oldConfig;
    private final List<Long> spawned = new ArrayList<>();

    @BeforeEach
    void runningOnTheOldConfig() throws IOException {
        int[] tcp = FreePorts.tcp(4);
        int httpPort = tcp[0];
        oldTcpPort = tcp[1];
        newTcpPort = tcp[2];
        configPath = dir.resolve("etc/iggy/config.toml");
        Map<String, String> env = Map.of(
                "IGGY_CONFIG_PATH", configPath.toString(),
                "IGGY_HTTP_ADDRESS", "127.0.0.1:" + httpPort,
                "IGGY_WEBSOCKET_ADDRESS", "127.0.0.1:" + tcp[3],
                "IGGY_QUIC_ADDRESS", "127.0.0.1:" + FreePorts.udp(),
                "IGGY_SYSTEM_PATH", dir.resolve("data").toString());
        ProcessSpec spec = new ProcessSpec(RuntimeName.IGGY, StandInCommand.of(RuntimeName.IGGY), dir.resolve("work"), env,
                URI.create("http://127.0.0.1:" + httpPort + "/ping"), dir.resolve("logs/iggy.log"),
                dir.resolve("run/iggy.pid"), Duration.ofSeconds(5), Duration.ofSeconds(20));
        driver = new ProcessDriver(spec, new HttpHealthProbe(Duration.ofMillis(500)), Clock.systemUTC());
        handler = new RuntimeActionHandler(new DriverRegistry(Map.of(RuntimeName.IGGY, driver)),
                new Reconfiguration(Map.of(RuntimeName.IGGY, configPath)));
        oldConfig = tcpConfig(oldTcpPort);
        Files.createDirectories(configPath.getParent());
        Files.writeString(configPath, oldConfig);
        ActionResult started = driver.start(RuntimeProgress.NONE);
        spawned.add(started.pid());
        assertThat(started.succeeded()).as(started.message()).isTrue();
        assertThat(FreePorts.isListening(oldTcpPort)).isTrue();
    }

    @AfterEach
    void killLeftovers() {
        driver.stop();
        spawned.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    private static String tcpConfig(int port) {
        return "[tcp]\nenabled = true\naddress = \"127.0.0.1:" + port + "\"\n";
    }

    private static Task reconfigure(long configId, String content, String checksum) {
        return Task.newBuilder().setTaskId(configId).setRuntimeAction(RuntimeAction.newBuilder()
                .setRuntime(Runtime.RUNTIME_IGGY).setAction(RuntimeAction.Action.ACTION_RECONFIGURE)
                .setConfigId(configId).setConfigContent(content).setConfigChecksum(checksum)).build();
    }

    private static Task reconfigure(long configId, String content) {
        return reconfigure(configId, content, Reconfiguration.sha256(content));
    }

    private TaskOutcome run(Task task) {
        TaskOutcome outcome = handler.run(task, RuntimeProgress.NONE);
        spawned.add(outcome.pid());
        return outcome;
    }

    @Test
    void aGoodConfigIsWrittenAndTheRuntimeRestartsOnIt() throws IOException {
        long before = driver.status().pid();
        String tuned = tcpConfig(newTcpPort);

        TaskOutcome outcome = run(reconfigure(41, tuned));

        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        assertThat(outcome.message()).startsWith("iggy runs with config 41 (sha256 ");
        assertThat(outcome.pid()).isPositive().isNotEqualTo(before);
        assertThat(Files.readString(configPath)).isEqualTo(tuned);
        assertThat(Files.readString(dir.resolve("etc/iggy/config.toml.previous"))).isEqualTo(oldConfig);
        assertThat(FreePorts.isListening(newTcpPort)).as("the new config's port").isTrue();
        assertThat(FreePorts.isListening(oldTcpPort)).as("the old config's port").isFalse();
        try (var leftovers = Files.list(configPath.getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("config.toml", "config.toml.previous");
        }
    }

    @Test
    void aConfigTheRuntimeRejectsIsRolledBackAndTheRuntimeRunsOnTheOldOne() throws IOException {
        long before = driver.status().pid();
        String rejected = tcpConfig(newTcpPort) + "\n[auth]\npassword = \"hunter2-very-secret\"\n\n[standin]\nreject_config = true\n";

        TaskOutcome outcome = run(reconfigure(42, rejected));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message())
                .startsWith("rolled back: iggy did not come back healthy with config 42 (")
                .contains("invalid configuration")
                .endsWith("restored the previous config and iggy restarted (pid " + outcome.pid() + ")")
                .doesNotContain("hunter2");
        assertThat(outcome.pid()).isPositive().isNotEqualTo(before);
        assertThat(Files.readString(configPath)).isEqualTo(oldConfig);
        assertThat(driver.status().running()).isTrue();
        assertThat(FreePorts.isListening(oldTcpPort)).as("back on the old config's port").isTrue();
        assertThat(FreePorts.isListening(newTcpPort)).isFalse();
        assertThat(Files.readString(dir.resolve("logs/iggy.log"))).contains("invalid configuration");
    }

    @Test
    void aConfigWhoseChecksumDoesNotMatchIsNotWritten() throws IOException {
        long before = driver.status().pid();

        TaskOutcome outcome = run(reconfigure(43, tcpConfig(newTcpPort), Reconfiguration.sha256("something else")));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).startsWith("config 43 arrived with checksum ").endsWith("nothing was changed");
        assertThat(Files.readString(configPath)).isEqualTo(oldConfig);
        assertThat(driver.status().pid()).isEqualTo(before);
    }
}
