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

    @ParameterizedTest
    @ValueSource(strings = {"lodestar-warden.service", "lodestar-supervisor.service"})
    void passesSystemdAnalyzeVerify(String unit) throws IOException, InterruptedException {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed (Debian: apt-get install systemd)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/java")), "the units run /usr/bin/java, which this machine lacks");
        Path out = Files.createTempFile("verify", ".out");
        Process verify = new ProcessBuilder("systemd-analyze", "verify", repository().resolve("deploy/systemd/" + unit).toString())
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
