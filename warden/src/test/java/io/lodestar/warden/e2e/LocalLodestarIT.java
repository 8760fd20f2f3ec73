package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.specification.RequestSpecification;

/**
 * The README's promise, end to end: the local Lodestar comes up (a real Supervisor, three real Warden
 * processes, stand-in runtimes as real child processes) and the seeds' activity calls do what they say.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalLodestarIT {

    private static LocalLodestar lodestar;

    @BeforeAll
    static void up() throws IOException, InterruptedException {
        Path state = Files.createTempDirectory("lodestar-it").resolve("state");
        lodestar = new LocalLodestar(state, 18480, 19480, 31000, "-Dsupervisor.dispatch.deadline=20s").up();
    }

    @AfterAll
    static void down() throws IOException, InterruptedException {
        if (lodestar != null) {
            lodestar.down();
        }
    }

    @Test
    @Order(1)
    void upLeavesThreeNodesOnlineInOneReadyDeployment() {
        assertThat(lodestar.nodeIds()).hasSize(3);
        assertThat(lodestar.wardenPids()).hasSize(3).allMatch(pid -> ProcessHandle.of(pid).isPresent());
        api().get("/deployments/" + lodestar.deploymentId()).then().statusCode(200)
                .body("status", equalTo("ready"))
                .body("agent_ids", hasSize(3));
        for (long node : lodestar.nodeIds()) {
            api().get("/agents/" + node).then().body("state", equalTo("online"));
        }
    }

    @Test
    @Order(2)
    void restartOnAllNodesCompletesOnEachWithANewProcess() throws IOException {
        long before = lodestar.runtimePid(1, "iggy");
        List<Number> ids = api().body("{}").post(activities() + "/iggy/restart")
                .then().statusCode(202).body("items", hasSize(3)).extract().path("items.id");
        ids.forEach(id -> awaitStatus(id, "completed"));
        assertThat(lodestar.runtimePid(1, "iggy")).isNotEqualTo(before);
        assertThat(ProcessHandle.of(before)).isEmpty();
    }

    @Test
    @Order(3)
    void restartOnOneNodeTouchesOnlyThatNode() throws IOException {
        long untouched = lodestar.runtimePid(2, "iggy");
        Number id = api().body(Map.of("nodes", List.of(lodestar.nodeIds().get(0)))).post(activities() + "/iggy/restart")
                .then().statusCode(202).body("items", hasSize(1)).extract().path("items[0].id");
        awaitStatus(id, "completed");
        assertThat(lodestar.runtimePid(2, "iggy")).isEqualTo(untouched);
    }

    @Test
    @Order(4)
    void stopReallyStopsAndStartBringsItBackWithANewPid() throws IOException {
        long pid = lodestar.runtimePid(1, "iggy");
        int port = lodestar.iggyHttpPort(1);
        Map<String, Object> firstNode = Map.of("nodes", List.of(lodestar.nodeIds().get(0)));
        awaitStatus(api().body(firstNode).post(activities() + "/iggy/stop").then().statusCode(202)
                .extract().path("items[0].id"), "completed");
        assertThat(ProcessHandle.of(pid)).as("the runtime process is gone").isEmpty();
        assertThat(listening(port)).as("its port is closed").isFalse();

        awaitStatus(api().body(firstNode).post(activities() + "/iggy/start").then().statusCode(202)
                .extract().path("items[0].id"), "completed");
        long restarted = lodestar.runtimePid(1, "iggy");
        assertThat(restarted).isNotEqualTo(pid);
        assertThat(ProcessHandle.of(restarted)).isPresent();
        assertThat(listening(port)).isTrue();
    }

    @Test
    @Order(5)
    void listingShowsEveryActionPerNode() {
        api().get(activities() + "?page=1&results=10").then().statusCode(200)
                .body("page", equalTo(1))
                .body("items", hasSize(10))
                .body("items[0].deployment_id", equalTo(lodestar.deploymentId()));
    }

    @Test
    @Order(6)
    void badInputIsAProblemNeverAServerError() {
        api().body("{\"nodes\":[]}").post(activities() + "/iggy/restart").then().statusCode(400)
                .contentType("application/problem+json");
        api().body("{}").post(activities() + "/iggy/reconfigure:1").then().statusCode(400);
        api().body("{\"nodes\":[1]}").post(activities() + "/iggy/restart").then().statusCode(400)
                .body("detail", containsString("[1]"));
        given().baseUri(lodestar.url()).body("{}").post(activities() + "/iggy/restart").then().statusCode(401);
        api().body("{}").post("/deployments/1/activities/iggy/restart").then().statusCode(404);
    }

    @Test
    @Order(7)
    void anActionForANodeWhoseWardenIsDownIsRejectedAfterTheDeadline() {
        long node = lodestar.nodeIds().get(2);
        ProcessHandle.of(lodestar.wardenPids().get(2)).ifPresent(ProcessHandle::destroyForcibly);
        Number id = api().body(Map.of("nodes", List.of(node))).post(activities() + "/iggy/restart")
                .then().statusCode(202).extract().path("items[0].id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get(activities() + "/" + id).then()
                .body("status", equalTo("rejected"))
                .body("message", containsString("node offline")));
    }

    @Test
    @Order(8)
    void logsOfANodeWhoseWardenIsDownShowAnErrorAndTheOthersTheirLines() {
        // Node 3's Warden was killed by the test before.
        api().get("/deployments/" + lodestar.deploymentId() + "/logs?runtime=iggy&lines=5").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].node_id", equalTo(lodestar.nodeIds().get(0)))
                .body("items[0].lines", hasSize(5))
                .body("items[0].lines[4]", containsString("iggy_server"))
                .body("items[0].error", nullValue())
                .body("items[1].lines.size()", greaterThan(0))
                .body("items[2].node_id", equalTo(lodestar.nodeIds().get(2)))
                .body("items[2].lines", hasSize(0))
                .body("items[2].error", containsString("not connected to this Supervisor"));
    }

    @Test
    @Order(9)
    void killOfAnOperationStuckStartingKillsItsProcessOnTheNode() throws IOException {
        long node = lodestar.nodeIds().get(0);
        // The stand-in reads its knobs from the runtime's default config file: the next start hangs for two minutes.
        Path config = lodestar.state().resolve("node-1/iggy/configs/server.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[standin]\nstart_delay_ms = 120000\n");
        try {
            long before = lodestar.runtimePid(1, "iggy");
            api().body(Map.of("nodes", List.of(node))).post(activities() + "/iggy/restart").then().statusCode(202);
            Number operation = api().get("/agents/" + node + "/operations?results=1").then().statusCode(200)
                    .body("items[0].type", equalTo("runtime_action"))
                    .body("items[0].title", equalTo("restart iggy"))
                    .extract().path("items[0].id");
            long stuck = await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                    .until(() -> lodestar.runtimePid(1, "iggy"), pid -> pid != before && ProcessHandle.of(pid).isPresent());
            api().get("/operations/" + operation).then().body("status", equalTo("running"));

            api().post("/operations/" + operation + "/kill").then().statusCode(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get("/operations/" + operation).then()
                    .body("status", equalTo("error")));
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(stuck).isEmpty());
            api().get("/operations/" + operation).then().body("pid", equalTo((int) stuck));
            api().get("/operations/" + operation + "/log").then().statusCode(200)
                    .body(containsString("SIGKILL sent to iggy (pid " + stuck + ")"));
            api().post("/operations/" + operation + "/kill").then().statusCode(409);
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static RequestSpecification api() {
        return given().baseUri(lodestar.url()).header("ld-api-key", lodestar.apiKey()).contentType("application/json");
    }

    private static String activities() {
        return "/deployments/" + lodestar.deploymentId() + "/activities";
    }

    private static void awaitStatus(Object activityId, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get(activities() + "/" + activityId)
                .then().body("status", equalTo(status)));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
