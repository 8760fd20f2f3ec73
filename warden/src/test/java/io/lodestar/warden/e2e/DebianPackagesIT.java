package io.lodestar.warden.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Debian packages, for real on this machine: built from the release bundles by
 * {@code deploy/debian/build-deb.sh}, checked by lintian, installed, upgraded (the operator's edit of
 * a conffile stays) and purged (nothing stays but the system user, which Debian keeps). It runs dpkg
 * as root, so it is skipped when not root or when a lodestar package is already installed here, and
 * it purges what it installed and deletes the users it created, whatever happens.
 */
class DebianPackagesIT {

    private static Path work;

    @BeforeAll
    static void onlyWhereDpkgMayRun() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "DebianPackagesIT installs packages with dpkg and needs root; skipped");
        assumeTrue(sh("command -v dpkg-deb && command -v dpkg").exitCode() == 0, "DebianPackagesIT needs dpkg; skipped");
        for (String name : List.of("lodestar-warden", "lodestar-supervisor")) {
            assumeTrue(sh("dpkg-query -W -f='${Status}' " + name + " 2>/dev/null | grep -q installed").exitCode() != 0,
                    name + " is installed on this machine already; DebianPackagesIT leaves it alone and is skipped");
        }
        work = Files.createTempDirectory("lodestar-debs");
    }

    @Test
    void theWardenPackageInstallsUpgradesKeepingItsConfigAndPurges() throws Exception {
        Path bundle = ReleaseBundles.bundle("warden");
        exercise("lodestar-warden", "lodestar-warden", bundle, "/etc/lodestar-warden/warden.properties",
                "/var/lib/lodestar-warden", "/usr/lib/lodestar-warden/bin/warden help", "usage: warden");
    }

    @Test
    void theSupervisorPackageInstallsUpgradesKeepingItsConfigAndPurges() throws Exception {
        Path bundle = ReleaseBundles.bundle("supervisor");
        exercise("lodestar-supervisor", "lodestar", bundle, "/etc/lodestar/supervisor.properties",
                "/var/lib/lodestar-supervisor", "/usr/lib/lodestar-supervisor/runtime/bin/java -version", "version");
    }

    private void exercise(String name, String user, Path bundle, String conffile, String state, String smoke, String smokeSays)
            throws Exception {
        Path first = ReleaseBundles.deb(bundle, "0.0.1~it1-1", work.resolve("debs"));
        Path second = ReleaseBundles.deb(bundle, "0.0.1~it2-1", work.resolve("debs"));
        if (sh("command -v lintian").exitCode() == 0) {
            Result lint = sh("lintian --tag-display-limit 0 " + first);
            assertThat(lint.output().lines().filter(line -> line.startsWith("E:") || line.startsWith("W:")))
                    .as(lint.output()).isEmpty();
        } else {
            System.err.println("DebianPackagesIT: lintian is not installed (apt-get install lintian); the lint check was skipped");
        }
        boolean userExisted = sh("getent passwd " + user).exitCode() == 0;
        try {
            Result installed = sh("dpkg -i " + first);
            assertThat(installed.exitCode()).as(installed.output()).isZero();
            if (!Files.isDirectory(Path.of("/run/systemd/system"))) {
                // Without systemd (PID 1 here is not) the maintainer scripts say so and leave the unit alone.
                assertThat(installed.output()).contains(name + ": systemd is not running here");
            }
            assertThat(sh("getent passwd " + user).exitCode()).isZero();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(state)))).isEqualTo("rwx------");
            assertThat(sh("stat -c %U " + state).output().strip()).isEqualTo(user);
            assertThat(Path.of("/lib/systemd/system/" + name + ".service")).isRegularFile();
            assertThat(Files.readString(Path.of("/lib/systemd/system/" + name + ".service"))).contains("ExecStart=/usr/lib/" + name + "/bin/");
            assertThat(sh(smoke).output()).contains(smokeSays);

            Files.writeString(Path.of(conffile), "# the operator's own line\n", StandardOpenOption.APPEND);
            Files.writeString(Path.of(state, "kept.txt"), "data\n");
            Result upgraded = sh("dpkg -i " + second);
            assertThat(upgraded.exitCode()).as(upgraded.output()).isZero();
            assertThat(sh("dpkg-query -W -f='${Version}' " + name).output()).isEqualTo("0.0.1~it2-1");
            assertThat(Files.readString(Path.of(conffile))).contains("# the operator's own line");
            assertThat(Path.of(state, "kept.txt")).isRegularFile();

            Result purged = sh("dpkg --purge " + name);
            assertThat(purged.exitCode()).as(purged.output()).isZero();
            assertThat(Path.of("/usr/lib/" + name)).doesNotExist();
            assertThat(Path.of(conffile)).doesNotExist();
            assertThat(Path.of(state)).doesNotExist();
            assertThat(Path.of("/lib/systemd/system/" + name + ".service")).doesNotExist();
        } finally {
            sh("dpkg --purge " + name);
            if (!userExisted) {
                sh("userdel " + user + " 2>/dev/null; groupdel " + user + " 2>/dev/null; true");
            }
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result sh(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), output);
    }
}
