package io.lodestar.warden.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.testsupport.net.FreePorts;
import io.lodestar.testsupport.standin.StandInCommand;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process driver against the stand-in runtime, a real child process with real ports. */
class ProcessDriverTest {

    private static final HealthProbe PROBE = new HttpHealthProbe(Duration.ofMillis(500));

    @TempDir
    Path dir;

    private int httpPort;
    private final List<Long> spawned = new ArrayList<>();
    /** What the driver reported through its progress, "pid: message". */
    private final List<String> reports = new ArrayList<>();
    private final RuntimeProgress progress = (message, pid) -> reports.add(pid + ": " + message);

    @AfterEach
    void killLeftovers() {
        spawned.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    private ProcessSpec iggy(Map<String, String> knobs, Duration healthTimeout, Duration stopGrace) {
        return iggy(StandInCommand.of(RuntimeName.IGGY), knobs, healthTimeout, stopGrace);
    }

    private ProcessSpec iggy(List<String> command, Map<String, String> knobs, Duration healthTimeout,
            Duration stopGrace) {
        int[] tcp = FreePorts.tcp(3);
        httpPort = tcp[0];
        Map<String, String> env = new HashMap<>(knobs);
        env.put("IGGY_HTTP_ADDRESS", "127.0.0.1:" + tcp[0]);
        env.put("IGGY_TCP_ADDRESS", "127.0.0.1:" + tcp[1]);
        env.put("IGGY_WEBSOCKET_ADDRESS", "127.0.0.1:" + tcp[2]);
        env.put("IGGY_QUIC_ADDRESS", "127.0.0.1:" + FreePorts.udp());
        env.put("IGGY_SYSTEM_PATH", dir.resolve("data").toString());
        return new ProcessSpec(RuntimeName.IGGY, command, dir.resolve("work"), env,
                URI.create("http://127.0.0.1:" + tcp[0] + "/ping"), dir.resolve("logs/iggy.log"),
                dir.resolve("run/iggy.pid"), stopGrace, healthTimeout);
    }

    private ProcessSpec iggy() {
        return iggy(Map.of(), Duration.ofSeconds(20), Duration.ofSeconds(5));
    }

    private ProcessDriver driver(ProcessSpec spec) {
        return new ProcessDriver(spec, PROBE, Clock.systemUTC());
    }

    private ActionResult started(ProcessDriver driver) {
        ActionResult result = driver.start(progress);
        if (result.pid() > 0) {
            spawned.add(result.pid());
        }
        return result;
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", httpPort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void startRunsTheRuntimeUntilItIsHealthy() throws IOException {
        ProcessSpec spec = iggy();
        ProcessDriver driver = driver(spec);

        ActionResult result = started(driver);

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("iggy started (pid " + result.pid() + ")");
        assertThat(reports).containsExactly(result.pid() + ": iggy process up (pid " + result.pid() + ")");
        assertThat(alive(result.pid())).isTrue();
        assertThat(portOpen()).isTrue();
        assertThat(driver.status()).isEqualTo(DriverStatus.running(result.pid()));
        assertThat(Files.readString(spec.pidFile())).startsWith(result.pid() + " ");
        assertThat(spec.logFile()).exists();
    }

    @Test
    void stopEndsTheProcessAndClosesItsPort() {
        ProcessSpec spec = iggy();
        ProcessDriver driver = driver(spec);
        long pid = started(driver).pid();

        ActionResult result = driver.stop();

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("iggy stopped (pid " + pid + ")");
        assertThat(alive(pid)).isFalse();
        assertThat(portOpen()).isFalse();
        assertThat(spec.pidFile()).doesNotExist();
        assertThat(driver.status()).isEqualTo(DriverStatus.STOPPED);
    }

    @Test
    void stopWhenStoppedSucceedsAsAlreadyStopped() {
        ActionResult result = driver(iggy()).stop();

        assertThat(result.succeeded()).isTrue();
        assertThat(result.message()).isEqualTo("iggy is already stopped");
    }

    @Test
    void startWhenRunningAndHealthySucceedsAsAlreadyRunning() {
        ProcessDriver driver = driver(iggy());
        long pid = started(driver).pid();

        ActionResult again = driver.start(progress);

        assertThat(reports).as("nothing new came up").hasSize(1);
        assertThat(again.succeeded()).isTrue();
        assertThat(again.message()).isEqualTo("iggy is already running (pid " + pid + ")");
        assertThat(again.pid()).isEqualTo(pid);
    }

    @Test
    void restartRunsANewProcess() {
        ProcessDriver driver = driver(iggy());
        long first = started(driver).pid();

        ActionResult result = driver.restart(progress);
        spawned.add(result.pid());

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.pid()).isNotEqualTo(first).isPositive();
        assertThat(reports).containsExactly(first + ": iggy process up (pid " + first + ")",
                result.pid() + ": iggy process up (pid " + result.pid() + ")");
        assertThat(result.message()).isEqualTo("iggy restarted (pid " + result.pid() + ")");
        assertThat(alive(first)).isFalse();
        assertThat(alive(result.pid())).isTrue();
        assertThat(portOpen()).isTrue();
    }

    @Test
    void crashDuringStartFailsWithTheExitCodeAndTheLastLogLines() {
        ProcessSpec spec = iggy(Map.of("STANDIN_CRASH_ON_START", "1"), Duration.ofSeconds(20), Duration.ofSeconds(5));
        ProcessDriver driver = driver(spec);

        ActionResult result = started(driver);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .startsWith("iggy exited with code 1 during start; last log lines: ")
                .contains("simulated crash on start");
        assertThat(spec.pidFile()).doesNotExist();
        assertThat(driver.status()).isEqualTo(DriverStatus.STOPPED);
    }

    @Test
    void failingHealthCheckFailsAfterTheTimeoutAndStopsTheProcess() {
        ProcessSpec spec = iggy(Map.of("STANDIN_FAIL_HEALTH", "1"), Duration.ofMillis(1500), Duration.ofSeconds(5));
        ProcessDriver driver = driver(spec);
        long before = System.nanoTime();

        ActionResult result = driver.start(RuntimeProgress.NONE);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .startsWith("iggy did not become healthy: " + spec.healthUrl() + " did not answer 2xx within 1500ms")
                .contains("HTTP 503")
                .endsWith("; stopped it");
        assertThat(driver.status()).isEqualTo(DriverStatus.STOPPED);
        assertThat(portOpen()).isFalse();
    }

    @Test
    void runtimeIgnoringSigtermIsKilledAfterTheGracePeriod() {
        ProcessSpec spec = iggy(Map.of("STANDIN_IGNORE_SIGTERM", "1"), Duration.ofSeconds(20), Duration.ofMillis(700));
        ProcessDriver driver = driver(spec);
        long pid = started(driver).pid();
        long before = System.nanoTime();

        ActionResult result = driver.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("iggy stopped (pid " + pid + ") (killed: it did not exit within 700ms of SIGTERM)");
        assertThat(alive(pid)).isFalse();
    }

    @Test
    void missingBinaryFailsWithAClearMessage() {
        ProcessSpec spec = iggy(List.of("iggy-server-not-installed-here"), Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(1));

        ActionResult result = driver(spec).start(RuntimeProgress.NONE);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).isEqualTo(
                "iggy is not installed on this node: `iggy-server-not-installed-here` not found on PATH");
    }

    @Test
    void aNewDriverAdoptsTheRunningProcessFromThePidFile() {
        ProcessSpec spec = iggy();
        long pid = started(driver(spec)).pid();

        ProcessDriver afterRestart = driver(spec);

        assertThat(afterRestart.status()).isEqualTo(DriverStatus.running(pid));
        assertThat(afterRestart.start(RuntimeProgress.NONE).message()).isEqualTo("iggy is already running (pid " + pid + ")");
        ActionResult stopped = afterRestart.stop();
        assertThat(stopped.succeeded()).as(stopped.message()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !alive(pid));
        assertThat(spec.pidFile()).doesNotExist();
    }

    @Test
    void aRecycledPidIsNotAdopted() throws IOException {
        ProcessSpec spec = iggy();
        Process unrelated = new ProcessBuilder("sleep", "30").start();
        spawned.add(unrelated.pid());
        long realStart = PidFile.startEpochMs(unrelated.toHandle()).orElseThrow();
        Files.createDirectories(spec.pidFile().getParent());
        Files.writeString(spec.pidFile(), unrelated.pid() + " " + (realStart - 3_600_000) + "\n");
        ProcessDriver driver = driver(spec);

        assertThat(driver.status()).isEqualTo(DriverStatus.STOPPED);
        assertThat(driver.stop().message()).isEqualTo("iggy is already stopped");
        assertThat(unrelated.isAlive()).isTrue();
        assertThat(spec.pidFile()).doesNotExist();
    }

    @Test
    void configPathAndExtraEnvironmentReachTheRuntime() throws IOException {
        Path config = dir.resolve("server.toml");
        Files.writeString(config, "[system]\npath = \"from_config\"\n");
        ProcessSpec base = iggy();
        Map<String, String> env = new HashMap<>(base.environment());
        env.remove("IGGY_SYSTEM_PATH");
        env.put("IGGY_CONFIG_PATH", config.toString());
        ProcessSpec spec = new ProcessSpec(RuntimeName.IGGY, base.command(), base.workingDir(), env, base.healthUrl(),
                base.logFile(), base.pidFile(), base.stopGrace(), base.healthTimeout());

        ActionResult result = started(driver(spec));

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(spec.workingDir().resolve("from_config")).isDirectory();
        assertThat(Optional.of(portOpen())).contains(true);
    }

    @Test
    void aCrashBetweenActionsIsReportedOnceWithItsExitCode() {
        List<RuntimeExit> exits = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProcessSpec spec = iggy();
        ProcessDriver driver = new ProcessDriver(spec, PROBE, Clock.systemUTC(), LogRotation.NONE, exits::add);
        long pid = started(driver).pid();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> exits.size() == 1);
        RuntimeExit exit = exits.get(0);
        assertThat(exit.pid()).isEqualTo(pid);
        assertThat(exit.exitCode()).isEqualTo(137);
        assertThat(exit.message()).startsWith("iggy (pid " + pid + ") exited on its own with code 137; last log lines: ");
        assertThat(driver.status()).isEqualTo(DriverStatus.STOPPED);
        assertThat(spec.pidFile()).doesNotExist();
    }

    @Test
    void stopsAndRestartsAreNotReportedAsCrashes() {
        List<RuntimeExit> exits = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProcessDriver driver = new ProcessDriver(iggy(), PROBE, Clock.systemUTC(), LogRotation.NONE, exits::add);
        started(driver);
        ActionResult restarted = driver.restart(RuntimeProgress.NONE);
        spawned.add(restarted.pid());
        assertThat(driver.stop().succeeded()).isTrue();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(exits::isEmpty);
    }

    @Test
    void anAdoptedRuntimeThatDiesIsReportedWithoutAnExitCode() {
        ProcessSpec spec = iggy();
        long pid = started(driver(spec)).pid();
        List<RuntimeExit> exits = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProcessDriver afterRestart = new ProcessDriver(spec, PROBE, Clock.systemUTC(), LogRotation.NONE, exits::add);

        afterRestart.maintain();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> exits.size() == 1);
        assertThat(exits.get(0).exitCode()).isEqualTo(-1);
        assertThat(exits.get(0).message()).startsWith("iggy (pid " + pid + ") exited on its own; last log lines: ");
    }
}
