package io.lodestar.warden.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The units in deploy/systemd pass systemd-analyze verify and keep their hardening. */
class SystemdUnitsTest {

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("deploy/systemd"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * systemd-analyze verify also checks that ExecStart's program exists: the units start the release bundle's
     * launcher under /opt, which a build machine does not have, so the unit is verified as a copy whose launcher
     * path points at an executable stand-in (the rest of the unit is verified as shipped).
     */
    @ParameterizedTest
    @ValueSource(strings = {"lodestar-warden.service", "lodestar-supervisor.service"})
    void passesSystemdAnalyzeVerify(String unit) throws IOException, InterruptedException {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed (Debian: apt-get install systemd)");
        String text = Files.readString(repository().resolve("deploy/systemd/" + unit));
        String launcher = text.lines().filter(line -> line.startsWith("ExecStart=")).findFirst().orElseThrow()
                .substring("ExecStart=".length()).split(" ")[0];
        assertThat(launcher).as("the unit starts the bundle's launcher").startsWith("/opt/lodestar-").contains("/bin/");
        Path dir = Files.createTempDirectory("units");
        Path standIn = dir.resolve("launcher");
        Files.writeString(standIn, "#!/bin/sh\n");
        standIn.toFile().setExecutable(true);
        Path copy = Files.writeString(dir.resolve(unit), text.replace(launcher, standIn.toString()));
        Path out = Files.createTempFile("verify", ".out");
        Process verify = new ProcessBuilder("systemd-analyze", "verify", copy.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).as("no warnings about the unit").doesNotContain(unit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lodestar-warden.service", "lodestar-supervisor.service"})
    void runsUnprivilegedAndHardened(String unit) throws IOException {
        List<String> lines = Files.readAllLines(repository().resolve("deploy/systemd/" + unit));
        assertThat(lines).contains("NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "Restart=on-failure")
                .anyMatch(line -> line.startsWith("User=lodestar"))
                .anyMatch(line -> line.startsWith("StateDirectory="));
        if (unit.equals("lodestar-warden.service")) {
            assertThat(lines).as("runtimes are the Warden's children and outlive its restarts").contains("KillMode=process");
        }
    }
}
