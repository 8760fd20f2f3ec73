package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.lodestar.testsupport.net.FreePorts;
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
        assertThat(FreePorts.isListening(port)).as("its port is closed").isFalse();

        awaitStatus(api().body(firstNode).post(activities() + "/iggy/start").then().statusCode(202)
                .extract().path("items[0].id"), "completed");
        long restarted = lodestar.runtimePid(1, "iggy");
        assertThat(restarted).isNotEqualTo(pid);
        assertThat(ProcessHandle.of(restarted)).isPresent();
        assertThat(FreePorts.isListening(port)).isTrue();
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
        api().body("{}").post(activities() + "/iggy/reconfigure:1").then().statusCode(404);
        api().body("{\"nodes\":[1]}").post(activities() + "/iggy/restart").then().statusCode(400)
                .body("detail", containsString("[1]"));
        given().baseUri(lodestar.url()).body("{}").post(activities() + "/iggy/restart").then().statusCode(401);
        api().body("{}").post("/deployments/1/activities/iggy/restart").then().statusCode(404);
    }

    @Test
    @Order(7)
    void theSeedsSnapshotCallsTakeDownloadAndDeleteARealReportOnEveryNode() throws Exception {
        // seed 004's four calls, verbatim but for the placeholders
        curl("curl -X POST {supervisor_url}/deployments/{deployment_id}/snapshots \\\n"
                + "-H \"ld-api-key: YOUR_API_KEY\" \\\n"
                + "-H \"Content-Type: application/json\" \\\n"
                + "-d '{\n\"redact_secrets\": true,\n\"include_iggy\": true\n}'", null, 204);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> api().get(snapshots()).then()
                .body("items", hasSize(3)).body("items.status", everyItem(equalTo("completed"))));
        String listing = curl("curl \"{supervisor_url}/deployments/{deployment_id}/snapshots?page=1&results=10\" \\\n"
                + "-H \"ld-api-key: YOUR_API_KEY\"", null, 200);
        assertThat(listing).contains("\"deployment_name\"", "\"status\":\"completed\"", "\"total_results\":3");

        long node = lodestar.nodeIds().get(0);
        Number snapshotId = api().get(snapshots()).then().extract().path("items.find { it.node_id == " + node + " }.id");
        String download = curl("curl {supervisor_url}/deployments/{deployment_id}/snapshots/{snapshot_id}/download \\\n"
                + "-H \"ld-api-key: YOUR_API_KEY\"", snapshotId, 200);
        String url = io.restassured.path.json.JsonPath.from(download).getString("url");
        Path zip = Files.createTempFile("snapshot", ".zip");
        assertThat(new ProcessBuilder("curl", "-sf", "-o", zip.toString(), url).inheritIO().start().waitFor())
                .as("the signed URL downloads without an API key").isZero();
        try (ZipFile bundle = new ZipFile(zip.toFile())) {
            String report = new String(bundle.getInputStream(bundle.getEntry("report.html")).readAllBytes(), StandardCharsets.UTF_8);
            String deploymentName = api().get("/deployments/" + lodestar.deploymentId()).then().extract().path("name");
            assertThat(report).startsWith("<!DOCTYPE html>").contains("id=\"snapshot-data\"", String.valueOf(node),
                    "Snapshot " + deploymentName + " / " + node);
            assertThat(bundle.getEntry("results.json")).isNotNull();
            Path data = Files.createTempFile("iggy-data", ".zip");
            Files.copy(bundle.getInputStream(bundle.getEntry("iggy-data.zip")), data, StandardCopyOption.REPLACE_EXISTING);
            try (ZipFile iggy = new ZipFile(data.toFile())) {
                List<String> names = iggy.stream().map(ZipEntry::getName).toList();
                assertThat(names).as("the stand-in runtime's data files")
                        .anyMatch(n -> n.endsWith("stand-in.state")).anyMatch(n -> n.endsWith("messages.log"));
            }
        }

        curl("curl -X DELETE {supervisor_url}/deployments/{deployment_id}/snapshots/{snapshot_id} \\\n"
                + "-H \"ld-api-key: YOUR_API_KEY\"", snapshotId, 204);
        assertThat(new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url).start()
                .getInputStream().readAllBytes()).asString().as("the archive is gone from the store").isEqualTo("404");
        api().get(snapshots()).then().body("items", hasSize(2));
    }

    @Test
    @Order(10)
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
    void aConfigTheRuntimeRejectsIsRolledBackAndTheRuntimeStaysHealthyOnTheOldOne() throws IOException {
        Path configFile = lodestar.state().resolve("node-1/iggy/config.toml");
        String before = Files.exists(configFile) ? Files.readString(configFile) : null;
        long pid = lodestar.runtimePid(1, "iggy");
        long configId = config("refused", "[system]\npath = \"refused_data\"\n\n[standin]\nreject_config = true\n");

        Number id = api().body(firstNode()).post(activities() + "/iggy/reconfigure:" + configId)
                .then().statusCode(202).extract().path("items[0].id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get(activities() + "/" + id).then()
                .body("status", equalTo("rejected"))
                .body("message", org.hamcrest.Matchers.startsWith("rolled back: iggy did not come back healthy with config "
                        + configId))
                .body("message", containsString("restored the previous config")));
        assertThat(Files.exists(configFile) ? Files.readString(configFile) : null).isEqualTo(before);
        long after = lodestar.runtimePid(1, "iggy");
        assertThat(after).isNotEqualTo(pid);
        assertThat(ProcessHandle.of(after)).isPresent();
        assertThat(FreePorts.isListening(lodestar.iggyHttpPort(1))).isTrue();
        assertThat(lodestar.state().resolve("node-1/iggy/refused_data")).doesNotExist();
    }

    @Test
    @Order(9)
    void aGoodConfigCompletesAndTheRuntimeRunsWithIt() throws IOException {
        String tuned = "[system]\npath = \"tuned_data\"\n";
        long configId = config("tuned", tuned);

        Number id = api().body(firstNode()).post(activities() + "/iggy/reconfigure:" + configId + "?queue=false")
                .then().statusCode(202).extract().path("items[0].id");

        awaitStatus(id, "completed");
        assertThat(Files.readString(lodestar.state().resolve("node-1/iggy/config.toml"))).isEqualTo(tuned);
        long pid = lodestar.runtimePid(1, "iggy");
        Path stateFile = lodestar.state().resolve("node-1/iggy/tuned_data/state/stand-in.state");
        assertThat(stateFile).as("the runtime uses the new config's data path").exists();
        assertThat(Files.readString(stateFile)).contains(String.valueOf(pid));
        assertThat(FreePorts.isListening(lodestar.iggyHttpPort(1))).isTrue();
    }

    private static long config(String name, String content) {
        Number id = api().body(Map.of("runtime", "iggy", "name", name, "content", content))
                .post("/deployments/" + lodestar.deploymentId() + "/configs").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    private static Map<String, Object> firstNode() {
        return Map.of("nodes", List.of(lodestar.nodeIds().get(0)));
    }

    @Test
    @Order(11)
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
    @Order(12)
    void killOfAnOperationStuckStartingKillsItsProcessOnTheNode() throws IOException, InterruptedException {
        // Node 3's Warden was killed above: with 1 of 3 nodes down, the quorum guard would hold a restart of node 1
        // (it keeps the majority). Bring node 3 back first; a restart of a node that is down is always let through.
        lodestar.startWarden(3);
        long third = lodestar.nodeIds().get(2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get("/agents/" + third).then().body("state", equalTo("online")));
        Number repair = api().body(Map.of("nodes", List.of(third))).post(activities() + "/iggy/restart")
                .then().statusCode(202).extract().path("items[0].id");
        awaitStatus(repair, "completed");
        long node = lodestar.nodeIds().get(0);
        // The stand-in reads its knobs from the runtime's config file: the next start hangs for two minutes.
        Path config = lodestar.state().resolve("node-1/iggy/config.toml");
        String previous = Files.exists(config) ? Files.readString(config) : null;
        Files.createDirectories(config.getParent());
        Files.writeString(config, (previous == null ? "" : previous) + "\n[standin]\nstart_delay_ms = 120000\n");
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
            if (previous == null) {
                Files.deleteIfExists(config);
            } else {
                Files.writeString(config, previous);
            }
        }
    }

    private static RequestSpecification api() {
        return given().baseUri(lodestar.url()).header("ld-api-key", lodestar.apiKey()).contentType("application/json");
    }

    private static String snapshots() {
        return "/deployments/" + lodestar.deploymentId() + "/snapshots";
    }

    /** Runs a documented curl command with its placeholders filled in; returns the body, checking the status. */
    private static String curl(String documented, Number snapshotId, int expectedStatus) throws IOException, InterruptedException {
        String command = documented.replace("{supervisor_url}", lodestar.url())
                .replace("{deployment_id}", String.valueOf(lodestar.deploymentId()))
                .replace("YOUR_API_KEY", lodestar.apiKey())
                .replace("{snapshot_id}", String.valueOf(snapshotId))
                + " -s -w '\\n%{http_code}'";
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(command).isZero();
        int cut = output.lastIndexOf('\n');
        assertThat(output.substring(cut + 1).trim()).as(command + "\n" + output).isEqualTo(String.valueOf(expectedStatus));
        return cut < 0 ? "" : output.substring(0, cut);
    }

    private static String activities() {
        return "/deployments/" + lodestar.deploymentId() + "/activities";
    }

    private static void awaitStatus(Object activityId, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get(activities() + "/" + activityId)
                .then().body("status", equalTo(status)));
    }

}
