package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The one-line install, end to end: builds the Warden's release bundle with
 * {@code deploy/release/build-bundle.sh}, starts a real Supervisor that serves it, runs the
 * {@code install_command} of an enrollment (curl … | sh) into a scratch root with the systemctl
 * stand-in, whose unit runs the installed {@code bin/warden}, and sees the node come online. Then
 * the refusals: a wrong token, a corrupted bundle, no systemd, not root; none leaves a file behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WardenBundleInstallIT {

    private static final String ADMIN_KEY = "ld_install_it_admin_key_0123456789abcdefgh";
    private static final String UNIT = "lodestar-warden.service";

    private static Path repo;
    private static Path work;
    private static Path bundles;
    private static Process supervisor;
    private static int httpPort;
    private static final List<Path> standins = new ArrayList<>();

    @BeforeAll
    static void buildTheBundleAndStartASupervisorServingIt() throws IOException, InterruptedException {
        int shift = Integer.getInteger("lodestar.e2e.port-shift", 0);
        httpPort = 18780 + shift;
        int grpcPort = 19780 + shift;
        repo = ReleaseBundles.repository();
        work = Files.createTempDirectory("warden-bundle-install");
        bundles = work.resolve("bundles");

        // A copy: the last test corrupts it.
        Path built = ReleaseBundles.bundle("warden");
        Files.createDirectories(bundles);
        Files.copy(built, bundles.resolve(built.getFileName()));
        Files.copy(Path.of(built + ".sha256"), bundles.resolve(built.getFileName() + ".sha256"));

        Path log = work.resolve("supervisor.log");
        supervisor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dlodestar.data-dir=" + work.resolve("supervisor-data"),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.grpc.server.host=127.0.0.1", "-Dquarkus.grpc.server.port=" + grpcPort,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + (httpPort + 1),
                "-Dsupervisor.bootstrap.admin-key=" + ADMIN_KEY,
                "-Dsupervisor.enrollment.bundle-dir=" + bundles,
                "-Dsupervisor.link.heartbeat-interval=1s",
                "-jar", repo.resolve("supervisor/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            assertThat(supervisor.isAlive()).as(Files.readString(log)).isTrue();
            api().get("/agents").then().statusCode(200);
        });
    }

    @AfterAll
    static void stopEverything() throws IOException, InterruptedException {
        for (Path standin : standins) {
            execute(Duration.ofSeconds(30), List.of(repo.resolve("test-support/bin/systemctl-standin").toString(), "stop", UNIT), standin);
        }
        if (supervisor != null) {
            supervisor.destroy();
            supervisor.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void theServedOneLinerInstallsEnrollsAndStartsTheWardenFromTheBundle() throws Exception {
        Install install = new Install("installed");
        JsonPath enrollment = api().post("/agents/enrollments").then().statusCode(201).extract().jsonPath();
        String token = enrollment.getString("token");
        String command = enrollment.getString("install_command");
        assertThat(command).isEqualTo("curl -fsSL http://127.0.0.1:" + httpPort + "/install/warden.sh | sudo sh -s -- --token " + token);

        Result installed = install.run(command);

        assertThat(installed.exitCode()).as(installed.output()).isZero();
        assertThat(installed.output()).contains("verified Warden").contains("installed the Warden in " + install.root.resolve("opt/lodestar-warden"));
        Path identity = install.root.resolve("var/lib/lodestar-warden/identity.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity))).isEqualTo("rw-------");
        long nodeId = Long.parseLong(Files.readString(identity).replaceAll("(?s).*\"node_id\":(\\d+).*", "$1"));
        assertThat(Files.readAllLines(install.config())).contains("warden.state-dir=" + install.root.resolve("var/lib/lodestar-warden"),
                "warden.supervisor.host=127.0.0.1", "warden.supervisor.port=" + (httpPort + 1000), "warden.supervisor.tls=false");
        assertThat(install.root.resolve("opt/lodestar-warden/runtime/bin/java")).isExecutable();
        assertThat(install.root.resolve("opt/lodestar-warden/lib/warden.jsa")).isRegularFile();
        assertThat(Files.readString(install.root.resolve("etc/systemd/system/" + UNIT))).contains("ExecStart=/opt/lodestar-warden/bin/warden run");
        assertThat(install.root.resolve("etc/polkit-1/rules.d/50-lodestar-warden.rules")).isRegularFile();
        assertThat(install.calls()).containsExactly("daemon-reload", "enable --now " + UNIT);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get("/agents/" + nodeId).then().statusCode(200)
                .body("state", equalTo("online")));

        // Again, as an upgrade: the identity and the configuration stay, the Warden restarts and reconnects.
        Files.writeString(install.config(), "# an operator's note\n", StandardOpenOption.APPEND);
        String identityBefore = Files.readString(identity);
        Result again = install.run(command);

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("this node is already enrolled");
        assertThat(Files.readString(identity)).isEqualTo(identityBefore);
        assertThat(Files.readAllLines(install.config())).contains("# an operator's note");
        assertThat(install.calls()).containsExactly("daemon-reload", "enable --now " + UNIT, "daemon-reload", "enable --now " + UNIT,
                "restart " + UNIT);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get("/agents/" + nodeId).then().statusCode(200)
                .body("state", equalTo("online")));
    }

    @Test
    @Order(2)
    void aWrongTokenIsRefusedAndNothingIsInstalled() throws Exception {
        Install install = new Install("wrong-token");

        Result refused = install.run(oneLiner("ldenr_not_a_token"));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("enrollment with 127.0.0.1:" + (httpPort + 1000) + " failed")
                .contains("nothing was installed or changed");
        install.assertUntouched();
    }

    @Test
    @Order(3)
    void withoutSystemdTheScriptStopsBeforeDownloading() throws Exception {
        assumeFalse(Files.isDirectory(Path.of("/run/systemd/system")), "this machine runs systemd; the refusal cannot be shown here");
        Install install = new Install("no-systemd");
        String token = api().post("/agents/enrollments").then().statusCode(201).extract().path("token");

        // No running systemd (no /run/systemd/system): without --systemctl the script must refuse.
        Result noSystemd = run(Duration.ofMinutes(1), "sh", "-c", "curl -fsSL http://127.0.0.1:" + httpPort
                + "/install/warden.sh | sh -s -- --token " + token + " --root " + install.root);
        assertThat(noSystemd.exitCode()).isEqualTo(1);
        assertThat(noSystemd.output()).contains("this node does not run systemd").contains("nothing was installed or changed");
        install.assertUntouched();
    }

    @Test
    @Order(3)
    void notAsRootTheScriptStopsBeforeDownloading() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) runs the script as nobody; skipped without it");
        String token = api().post("/agents/enrollments").then().statusCode(201).extract().path("token");
        Result notRoot = run(Duration.ofMinutes(1), "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "sh", "-c",
                "curl -fsSL http://127.0.0.1:" + httpPort + "/install/warden.sh | sh -s -- --token " + token);
        assertThat(notRoot.exitCode()).isEqualTo(1);
        assertThat(notRoot.output()).contains("run as root: curl -fsSL http://127.0.0.1:" + httpPort + "/install/warden.sh | sudo sh");
    }

    @Test
    @Order(4)
    void aCorruptedBundleIsRefusedAndNothingIsInstalled() throws Exception {
        Install install = new Install("corrupted");
        String token = api().post("/agents/enrollments").then().statusCode(201).extract().path("token");
        Path bundle;
        try (Stream<Path> files = Files.list(bundles)) {
            bundle = files.filter(file -> file.toString().endsWith(".tar.gz")).findFirst().orElseThrow();
        }
        Files.write(bundle, new byte[] {0x4c, 0x53}, StandardOpenOption.APPEND); // two bytes more than the checksum says

        Result refused = install.run(oneLiner(token));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("checksum mismatch for lodestar-warden-linux-").contains("nothing was installed or changed");
        install.assertUntouched();
    }

    /** An install into a scratch root, with the systemctl stand-in whose unit runs the installed Warden. */
    private static final class Install {
        final Path root;
        final Path standin;

        Install(String name) throws IOException {
            root = Files.createDirectories(work.resolve(name).resolve("root"));
            standin = Files.createDirectories(work.resolve(name).resolve("systemctl"));
            Path unit = Files.createDirectories(standin.resolve("units")).resolve(UNIT);
            // What ExecStart and Environment of the unit do, below the scratch root.
            Files.writeString(unit, "#!/bin/sh\nQUARKUS_CONFIG_LOCATIONS=" + config() + " exec " + root.resolve("opt/lodestar-warden/bin/warden") + " run\n");
            unit.toFile().setExecutable(true);
            standins.add(standin);
        }

        Path config() {
            return root.resolve("etc/lodestar-warden/warden.properties");
        }

        /** The enrollment's command as printed, run as root here (so without sudo), into this root. */
        Result run(String installCommand) throws IOException, InterruptedException {
            assertThat(installCommand).contains(" | sudo sh -s -- ");
            String line = installCommand.replace(" | sudo sh -s -- ", " | sh -s -- ") + " --root " + root
                    + " --systemctl '" + repo.resolve("test-support/bin/systemctl-standin") + "'";
            return execute(Duration.ofMinutes(2), List.of("sh", "-c", line), standin);
        }

        List<String> calls() throws IOException {
            return Files.readAllLines(standin.resolve("calls.log"));
        }

        void assertUntouched() throws IOException {
            try (Stream<Path> files = Files.list(root)) {
                assertThat(files.toList()).as("files below the scratch root").isEmpty();
            }
            assertThat(standin.resolve("calls.log")).doesNotExist();
        }
    }

    private static String oneLiner(String token) {
        return "curl -fsSL http://127.0.0.1:" + httpPort + "/install/warden.sh | sudo sh -s -- --token " + token;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Duration limit, String... command) throws IOException, InterruptedException {
        return execute(limit, List.of(command), null);
    }

    private static Result execute(Duration limit, List<String> command, Path standin) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "run", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        if (standin != null) {
            builder.environment().put("SYSTEMCTL_STANDIN_DIR", standin.toString());
        }
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + limit + ":\n" + Files.readString(out));
        }
        return new Result(process.exitValue(), Files.readString(out));
    }

    private static RequestSpecification api() {
        return given().baseUri("http://127.0.0.1:" + httpPort).header("ld-api-key", ADMIN_KEY).contentType("application/json");
    }

}
