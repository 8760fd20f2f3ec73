package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Faults with real processes: a real Supervisor, real Warden processes and stand-in runtimes (the
 * local Lodestar). After each fault every activity ends completed or rejected with a true message,
 * no runtime is restarted twice for one activity (the stand-in counts its starts) and nothing stays
 * processing. Also: the developer's installer (from a checkout) enrolls a node with the token the API hands out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WardenFaultsIT {

    private static final Duration TTL = Duration.ofSeconds(4);
    private static LocalLodestar lodestar;

    @BeforeAll
    static void up() throws IOException, InterruptedException {
        Path state = Files.createTempDirectory("lodestar-faults").resolve("state");
        // The dispatch benchmark's ports: the two never run in the same build.
        LocalLodestar starting = new LocalLodestar(state, 18580, 19580, 32000,
                "-Dsupervisor.dispatch.deadline=45s -Dsupervisor.link.heartbeat-interval=1s -Dsupervisor.link.heartbeat-ttl="
                        + TTL.toSeconds() + "s");
        try {
            lodestar = starting.up();
        } catch (IOException | InterruptedException | RuntimeException e) {
            starting.down(); // what did start must not outlive the suite
            throw e;
        }
    }

    @AfterAll
    static void down() throws IOException, InterruptedException {
        if (lodestar != null) {
            lodestar.down();
        }
    }

    @AfterEach
    void nothingStaysProcessing() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> api().get(activities() + "?status=processing&results=1")
                .then().statusCode(200).body("total_results", equalTo(0)));
    }

    @Test
    @Order(1)
    void theInstallerEnrollsTheNodeWritesItsConfigAndEnablesTheUnit() throws IOException, InterruptedException {
        JsonPath enrollment = api().post("/agents/enrollments").then().statusCode(201).extract().jsonPath();
        String token = enrollment.getString("token");
        assertThat(enrollment.getString("install_command")).endsWith("/install/warden.sh | sudo sh -s -- --token " + token);
        Path root = Files.createTempDirectory("warden-install");
        Path systemctlState = root.resolve("systemctl");

        Result installed = install(root, systemctlState, token);

        assertThat(installed.exitCode()).as(installed.output()).isZero();
        Path identity = root.resolve("var/lib/lodestar-warden/identity.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity))).isEqualTo("rw-------");
        long nodeId = Long.parseLong(Files.readString(identity).replaceAll("(?s).*\"node_id\":(\\d+).*", "$1"));
        api().get("/agents/" + nodeId).then().statusCode(200).body("state", equalTo("enrolled"));
        assertThat(Files.readAllLines(root.resolve("etc/lodestar-warden/warden.properties")))
                .contains("warden.state-dir=" + root.resolve("var/lib/lodestar-warden"),
                        "warden.supervisor.host=127.0.0.1", "warden.supervisor.port=" + lodestar.grpcPort(),
                        "warden.supervisor.tls=false");
        assertThat(root.resolve("opt/lodestar-warden/app/quarkus-run.jar")).exists();
        assertThat(root.resolve("opt/lodestar-warden/bin/warden")).isExecutable();
        assertThat(root.resolve("etc/systemd/system/lodestar-warden.service")).exists();
        assertThat(root.resolve("etc/polkit-1/rules.d/50-lodestar-warden.rules")).exists();
        assertThat(Files.readAllLines(systemctlState.resolve("calls.log")))
                .containsExactly("daemon-reload", "enable --now lodestar-warden.service");

        Path otherRoot = Files.createTempDirectory("warden-install");
        Result reused = install(otherRoot, otherRoot.resolve("systemctl"), token);
        assertThat(reused.exitCode()).isEqualTo(1);
        assertThat(reused.output()).contains("refused the enrollment token: The enrollment token was already used")
                .contains("enrollment failed (see the message above); nothing was started");
        assertThat(otherRoot.resolve("systemctl/calls.log")).doesNotExist();
    }

    @Test
    @Order(2)
    void aWardenKilledInTheMiddleOfARestartEndsItHonestlyAndNeverRestartsTwice() throws Exception {
        Path slowStart = lodestar.iggyWorkingDir(1).resolve("configs/server.toml");
        Files.createDirectories(slowStart.getParent());
        Files.writeString(slowStart, "[standin]\nstart_delay_ms = 3000\n");
        try {
            long oldPid = lodestar.runtimePid(1, "iggy");
            long starts = lodestar.iggyStartCount(1);
            Number id = api().body(onNode(1)).post(activities() + "/iggy/restart").then().statusCode(202)
                    .extract().path("items[0].id");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                    .until(() -> ProcessHandle.of(oldPid).isEmpty() && lodestar.runtimePid(1, "iggy") != oldPid);
            ProcessHandle warden = ProcessHandle.of(lodestar.wardenPid(1)).orElseThrow();
            warden.destroyForcibly(); // kill -9, mid-start
            warden.onExit().get(15, TimeUnit.SECONDS);
            long newPid = lodestar.runtimePid(1, "iggy");

            lodestar.startWarden(1);

            JsonPath activity = awaitEnd(id);
            assertThat(activity.getString("status")).isEqualTo("rejected");
            assertThat(activity.getString("message")).isEqualTo("the Warden restarted during the restart of iggy and did not run it again; "
                    + "iggy is now running (pid " + newPid + ")");
            assertThat(ProcessHandle.of(newPid)).as("the runtime the dead Warden started was adopted, not restarted").isPresent();
            Thread.sleep(3_000); // a redelivery would have started it again by now
            assertThat(lodestar.iggyStartCount(1)).isEqualTo(starts + 1);
            assertThat(lodestar.runtimePid(1, "iggy")).isEqualTo(newPid);
        } finally {
            Files.deleteIfExists(slowStart);
        }
    }

    @Test
    @Order(3)
    void restartsInFlightWhileTheSupervisorRestartsCompleteOnceEach() throws Exception {
        for (long node : lodestar.nodeIds()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get("/agents/" + node).then().body("state", equalTo("online")));
        }
        List<Long> starts = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            starts.add(lodestar.iggyStartCount(node));
        }
        List<Number> ids = api().body("{}").post(activities() + "/iggy/restart").then().statusCode(202)
                .extract().path("items.id");
        ProcessHandle supervisor = ProcessHandle.of(lodestar.supervisorPid()).orElseThrow();
        // A restart, as systemctl restart does it: SIGTERM. (Embedded H2 may lose its last second of
        // commits on SIGKILL; production runs on PostgreSQL.)
        supervisor.destroy();
        supervisor.onExit().get(30, TimeUnit.SECONDS);

        lodestar.startSupervisor();

        for (Number id : ids) {
            JsonPath activity = awaitEnd(id);
            assertThat(activity.getString("status")).as(activity.getString("message")).isEqualTo("completed");
        }
        Thread.sleep(3_000);
        for (int node = 1; node <= 3; node++) {
            assertThat(lodestar.iggyStartCount(node)).as("node %d restarted exactly once", node).isEqualTo(starts.get(node - 1) + 1);
        }
    }

    @Test
    @Order(4)
    void aWardenSilentForLongerThanTheTtlIsOfflineThenFinishesWhatWasQueued() throws Exception {
        long node = lodestar.nodeIds().get(1);
        long wardenPid = lodestar.wardenPid(2);
        long starts = lodestar.iggyStartCount(2);
        signal("STOP", wardenPid);
        try {
            await().atMost(TTL.multipliedBy(4)).untilAsserted(() -> api().get("/agents/" + node).then().body("state", equalTo("offline")));
            Number id = api().body(onNode(2)).post(activities() + "/iggy/restart").then().statusCode(202)
                    .extract().path("items[0].id");
            Thread.sleep(TTL.toMillis());
            api().get(activities() + "/" + id).then().body("status", equalTo("processing"));
            signal("CONT", wardenPid);

            JsonPath activity = awaitEnd(id);
            assertThat(activity.getString("status")).as(activity.getString("message")).isEqualTo("completed");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get("/agents/" + node).then().body("state", equalTo("online")));
            Thread.sleep(3_000);
            assertThat(lodestar.iggyStartCount(2)).isEqualTo(starts + 1);
        } finally {
            signal("CONT", wardenPid);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result install(Path root, Path systemctlState, String token) throws IOException, InterruptedException {
        Path out = Files.createTempFile("install-warden", ".out");
        ProcessBuilder builder = new ProcessBuilder(lodestar.root().resolve("deploy/install/install-warden.sh").toString(),
                "--supervisor", "127.0.0.1:" + lodestar.grpcPort(), "--token", token, "--root", root.toString(),
                "--systemctl", "env SYSTEMCTL_STANDIN_DIR=" + systemctlState + " "
                        + lodestar.root().resolve("test-support/bin/systemctl-standin"),
                "--java", Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), Files.readString(out));
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }

    private static Map<String, Object> onNode(int node) {
        return Map.of("nodes", List.of(lodestar.nodeIds().get(node - 1)));
    }

    private static JsonPath awaitEnd(Object activityId) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                !"processing".equals(api().get(activities() + "/" + activityId).then().extract().path("status")));
        return api().get(activities() + "/" + activityId).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification api() {
        return given().baseUri(lodestar.url()).header("ld-api-key", lodestar.apiKey()).contentType("application/json");
    }

    private static String activities() {
        return "/deployments/" + lodestar.deploymentId() + "/activities";
    }
}
