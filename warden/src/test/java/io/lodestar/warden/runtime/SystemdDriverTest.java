package io.lodestar.warden.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.testsupport.net.FreePorts;
import io.lodestar.testsupport.standin.StandInCommand;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd driver against {@code test-support/bin/systemctl-standin}, which checks the exact
 * arguments, logs each call and runs the unit's main process for real (the stand-in runtime).
 */
class SystemdDriverTest {

    private static final String UNIT = "iggy-server.service";

    @TempDir
    Path dir;

    private Path systemctl;
    private int httpPort;

    @BeforeEach
    void unit() throws IOException {
        systemctl = Path.of("").toAbsolutePath().getParent().resolve("test-support/bin/systemctl-standin");
        int[] tcp = FreePorts.tcp(3);
        httpPort = tcp[0];
        String command = StandInCommand.of(RuntimeName.IGGY).stream().map(SystemdDriverTest::quote).collect(Collectors.joining(" "));
        Path unit = dir.resolve("units/" + UNIT);
        Files.createDirectories(unit.getParent());
        Files.writeString(unit, "#!/bin/sh\n"
                + "export IGGY_HTTP_ADDRESS=127.0.0.1:" + tcp[0] + " IGGY_TCP_ADDRESS=127.0.0.1:" + tcp[1]
                + " IGGY_WEBSOCKET_ADDRESS=127.0.0.1:" + tcp[2] + " IGGY_QUIC_ADDRESS=127.0.0.1:" + FreePorts.udp()
                + " IGGY_SYSTEM_PATH=" + quote(dir.resolve("data").toString()) + "\n"
                + "exec " + command + "\n");
        Files.setPosixFilePermissions(unit, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void stopUnit() {
        driver(UNIT).stop();
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private SystemdDriver driver(String unit) {
        return new SystemdDriver("iggy", List.of("env", "SYSTEMCTL_STANDIN_DIR=" + dir, systemctl.toString()), unit,
                URI.create("http://127.0.0.1:" + httpPort + "/ping"), new HttpHealthProbe(Duration.ofMillis(500)),
                Duration.ofSeconds(20), Duration.ofSeconds(30), Clock.systemUTC());
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(dir.resolve("calls.log"));
    }

    private static final String SHOW = "show -p ActiveState,SubState,MainPID,ExecMainStartTimestampMonotonic " + UNIT;

    @Test
    void startStopAndRestartCallSystemctlWithExactlyTheUnitAndWaitForHealth() throws IOException {
        SystemdDriver driver = driver(UNIT);

        ActionResult started = driver.start(RuntimeProgress.NONE);
        assertThat(started.succeeded()).as(started.message()).isTrue();
        assertThat(started.message()).isEqualTo("iggy started (unit " + UNIT + ", pid " + started.pid() + ")");
        assertThat(driver.status()).isEqualTo(DriverStatus.running(started.pid()));

        ActionResult restarted = driver.restart(RuntimeProgress.NONE);
        assertThat(restarted.succeeded()).as(restarted.message()).isTrue();
        assertThat(restarted.pid()).isNotEqualTo(started.pid());
        assertThat(ProcessHandle.of(started.pid())).isEmpty();

        ActionResult stopped = driver.stop();
        assertThat(stopped.message()).isEqualTo("iggy stopped (unit " + UNIT + ")");
        assertThat(driver.status()).isEqualTo(DriverStatus.STOPPED);
        assertThat(ProcessHandle.of(restarted.pid())).isEmpty();

        assertThat(calls()).filteredOn(call -> !call.startsWith("show ")).containsExactly(
                "start " + UNIT, "restart " + UNIT, "stop " + UNIT);
        assertThat(calls()).filteredOn(call -> call.startsWith("show ")).containsOnly(SHOW);
    }

    @Test
    void aStartOrRestartReportsTheUnitsMainPidBeforeItIsHealthy() {
        SystemdDriver driver = driver(UNIT);
        List<String> reports = new ArrayList<>();
        RuntimeProgress progress = (message, pid) -> reports.add(pid + ": " + message);

        ActionResult started = driver.start(progress);
        ActionResult again = driver.start(progress);
        ActionResult restarted = driver.restart(progress);

        assertThat(started.succeeded()).as(started.message()).isTrue();
        assertThat(again.succeeded()).as(again.message()).isTrue();
        assertThat(restarted.succeeded()).as(restarted.message()).isTrue();
        assertThat(reports).containsExactly(
                started.pid() + ": iggy process up (unit " + UNIT + ", pid " + started.pid() + ")",
                restarted.pid() + ": iggy process up (unit " + UNIT + ", pid " + restarted.pid() + ")");
    }

    @Test
    void startingAnActiveUnitDoesNotStartItAgain() throws IOException {
        SystemdDriver driver = driver(UNIT);
        long pid = driver.start(RuntimeProgress.NONE).pid();

        ActionResult again = driver.start(RuntimeProgress.NONE);

        assertThat(again.message()).isEqualTo("iggy is already running (unit " + UNIT + ", pid " + pid + ")");
        assertThat(calls()).filteredOn(call -> call.startsWith("start ")).hasSize(1);
    }

    @Test
    void anUnknownUnitFailsWithSystemctlsOwnWords() {
        ActionResult result = driver("nope.service").start(RuntimeProgress.NONE);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).isEqualTo("systemctl show nope.service failed (exit 5): Failed to show nope.service: Unit nope.service not found.");
    }

    @Test
    void aUnitWhoseProcessDiesIsReportedFailed() throws IOException {
        Files.writeString(dir.resolve("units/" + UNIT), "#!/bin/sh\nexit 3\n");

        ActionResult result = driver(UNIT).start(RuntimeProgress.NONE);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).isEqualTo("iggy: unit " + UNIT + " is failed (failed); see journalctl -u " + UNIT);
    }
}
