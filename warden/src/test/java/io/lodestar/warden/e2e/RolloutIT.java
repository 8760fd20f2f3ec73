package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Rollouts on a local Lodestar of five nodes, with real Wardens and stand-in runtimes. The test watches the runtimes
 * itself: it asks every node's health endpoint every 50 ms and counts how many are down at once, and it reads each
 * stand-in's start count to prove every node was restarted exactly once (or not at all).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolloutIT {

    private static final int NODES = 5;
    private static LocalLodestar lodestar;

    @BeforeAll
    static void up() throws IOException, InterruptedException {
        Path state = Files.createTempDirectory("lodestar-rollouts").resolve("state");
        // Runtime ports below the ephemeral range (32768+), where an outgoing connection could hold one.
        // WRITE_DELAY=0: the embedded H2 commits to disk at once, so a kill -9 of the Supervisor loses nothing it answered.
        LocalLodestar starting = new LocalLodestar(state, 18680, 19680, 21500,
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:${lodestar.data-dir}/supervisor;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                        // heartbeats carry runtime health: each second, so a runtime that sickens shows within a gate
                        + " -Dsupervisor.link.heartbeat-interval=1s -Dsupervisor.link.heartbeat-ttl=10s")
                .with("LODESTAR_NODES", String.valueOf(NODES))
                .with("WARDEN_RUNTIMES_IGGY_HEALTH_TIMEOUT", "60s"); // above any execution_timeout used here: that one ends the wait
        try {
            lodestar = starting.up();
        } catch (IOException | InterruptedException | RuntimeException e) {
            starting.down();
            throw e;
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> api().get(deployment())
                .then().body("status", equalTo("ready")));
    }

    @AfterAll
    static void down() throws IOException, InterruptedException {
        if (lodestar != null) {
            lodestar.down();
        }
    }

    @AfterEach
    void nothingStaysProcessing() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> api().get(deployment() + "/activities?status=processing&results=1")
                .then().statusCode(200).body("total_results", equalTo(0)));
    }

    @Test
    @Order(1)
    void aRollingRestartNeverHasMoreThanMaxConcurrencyDownAndRestartsEachNodeOnce() throws Exception {
        List<Long> starts = startCounts();
        List<Long> pids = pids();
        try (HealthSampler sampler = new HealthSampler()) {
            String rollout = startRestart("{\"max_concurrency\":2,\"min_healthy_time\":\"1s\"}");
            JsonPath ended = awaitRolloutEnd(rollout);
            assertThat(ended.getString("state")).as(ended.prettify()).isEqualTo("completed");
            assertThat(sampler.maxDown()).as("nodes down at once, sampled every 50 ms").isBetween(1, 2);
        }
        List<Long> after = pids();
        for (int node = 1; node <= NODES; node++) {
            assertThat(lodestar.iggyStartCount(node)).as("node %d started once more", node).isEqualTo(starts.get(node - 1) + 1);
            assertThat(after.get(node - 1)).as("node %d has a new pid", node).isNotEqualTo(pids.get(node - 1));
        }
    }

    @Test
    @Order(2)
    void aNodeNeverHealthyTimesOutOnItsNodeStopsTheRolloutAndLaterNodesAreUntouched() throws Exception {
        Path config = lodestar.iggyWorkingDir(3).resolve("config.toml");
        String original = Files.exists(config) ? Files.readString(config) : null;
        Files.writeString(config, (original == null ? "" : original) + "\n[standin]\nfail_health = true\n");
        List<Long> starts = startCounts();
        List<Long> pids = pids();
        try {
            // the Warden's own health timeout is 15s: the request's execution timeout ends the wait first
            String rollout = startRestart("{\"min_healthy_time\":\"500ms\",\"execution_timeout\":\"3s\"}");
            JsonPath ended = awaitRolloutEnd(rollout);
            assertThat(ended.getString("state")).isEqualTo("stopped");
            assertThat(ended.getString("execution_timeout")).isEqualTo("3s");
            assertThat(ended.getList("batches.nodes.flatten().state", String.class))
                    .containsExactly("succeeded", "succeeded", "failed", "skipped", "skipped");
            JsonPath activities = api().get(deployment() + "/activities?action=restart&results=5").then().extract().jsonPath();
            // newest first: nodes 5, 4 (never sent), 3 (failed its health check), 2 and 1 (completed)
            assertThat(activities.getList("items.status", String.class))
                    .containsExactly("rejected", "rejected", "rejected", "completed", "completed");
            assertThat(activities.getList("items.reason", String.class))
                    .containsExactly("not_run", "not_run", "execution_timeout", null, null);
            assertThat(activities.getString("items[0].message")).startsWith("not run: rollout stopped after 1 failure(s)");
            long leftRunning = lodestar.runtimePid(3, "iggy");
            // the last health check says HTTP 503, or connection refused when the stand-in binds slowly on a loaded machine
            assertThat(activities.getString("items[2].message")).startsWith("timed out after 3s on the node while waiting"
                    + " for iggy to become healthy; it was left running as it is (pid " + leftRunning + ", last health check: ");
            assertThat(ProcessHandle.of(leftRunning).map(ProcessHandle::isAlive)).as("left running").contains(true);
            for (int node = 4; node <= NODES; node++) {
                assertThat(lodestar.iggyStartCount(node)).as("node %d untouched", node).isEqualTo(starts.get(node - 1));
                assertThat(lodestar.runtimePid(node, "iggy")).isEqualTo(pids.get(node - 1));
            }
        } finally {
            if (original == null) {
                Files.deleteIfExists(config);
            } else {
                Files.writeString(config, original);
            }
        }
        String repair = api().body("{\"nodes\":[\"" + lodestar.nodeIds().get(2) + "\"]}").post(deployment() + "/activities/iggy/restart")
                .then().statusCode(202).extract().path("rollout.id").toString();
        assertThat(awaitRolloutEnd(repair).getString("state")).isEqualTo("completed");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get(deployment()).then().body("status", equalTo("ready")));
    }

    @Test
    @Order(3)
    void withOneRuntimeStoppedByHandTheQuorumGuardKeepsTheMajority() throws Exception {
        new ProcessBuilder("kill", "-9", String.valueOf(lodestar.runtimePid(5, "iggy"))).start().waitFor(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get(deployment()).then().body("status", equalTo("failed")));
        try (HealthSampler sampler = new HealthSampler()) {
            String rollout = startRestart("{\"max_concurrency\":2,\"min_healthy_time\":\"500ms\"}");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get(deployment() + "/rollouts/" + rollout)
                    .then().body("message", org.hamcrest.Matchers.startsWith("held by the quorum guard")));
            JsonPath ended = awaitRolloutEnd(rollout);
            assertThat(ended.getString("state")).as(ended.prettify()).isEqualTo("completed");
            assertThat(sampler.maxDown()).as("nodes down at once, the stopped one included").isEqualTo(2);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get(deployment()).then().body("status", equalTo("ready")));
    }

    @Test
    @Order(4)
    void cancelInTheMiddleEndsTheWaitingNodesAndLetsTheRunningOneFinish() throws Exception {
        List<Long> starts = startCounts();
        String rollout = startRestart("{\"min_healthy_time\":\"3s\"}");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get(deployment() + "/rollouts/" + rollout)
                .then().body("batches[1].nodes[0].state", oneOf("running", "gating")));
        JsonPath cancel = api().post(deployment() + "/rollouts/" + rollout + "/cancel").then().statusCode(200).extract().jsonPath();
        assertThat(cancel.getString("rollout.state")).isEqualTo("cancelled");
        assertThat(cancel.getList("cancelled_activity_ids")).hasSize(3);
        JsonPath ended = awaitRolloutEnd(rollout);
        assertThat(ended.getList("batches.nodes.flatten().state", String.class).subList(2, 5))
                .containsExactly("skipped", "skipped", "skipped");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get(deployment() + "/activities?status=processing")
                .then().body("total_results", equalTo(0)));
        Thread.sleep(1_000);
        for (int node = 1; node <= NODES; node++) {
            assertThat(lodestar.iggyStartCount(node)).as("node %d", node).isEqualTo(starts.get(node - 1) + (node <= 2 ? 1 : 0));
        }
    }

    @Test
    @Order(5)
    void aRolloutSurvivesAKillOfTheSupervisorAndActsOnEveryNodeOnce() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get(deployment()).then().body("status", equalTo("ready")));
        List<Long> starts = startCounts();
        String rollout = startRestart("{\"min_healthy_time\":\"2s\"}");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get(deployment() + "/rollouts/" + rollout)
                .then().body("batches[1].nodes[0].state", oneOf("running", "gating")));
        ProcessHandle supervisor = ProcessHandle.of(lodestar.supervisorPid()).orElseThrow();
        supervisor.destroyForcibly(); // kill -9
        supervisor.onExit().get(30, TimeUnit.SECONDS);
        lodestar.startSupervisor();

        JsonPath ended = awaitRolloutEnd(rollout);
        assertThat(ended.getString("state")).as(ended.prettify()).isEqualTo("completed");
        Thread.sleep(2_000);
        for (int node = 1; node <= NODES; node++) {
            assertThat(lodestar.iggyStartCount(node)).as("node %d restarted exactly once", node).isEqualTo(starts.get(node - 1) + 1);
        }
    }

    @Test
    @Order(6)
    void aRuntimeThatSickensDuringItsHealthGateStopsTheRollout() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get(deployment()).then().body("status", equalTo("ready")));
        Path config = lodestar.iggyWorkingDir(2).resolve("config.toml");
        String original = Files.exists(config) ? Files.readString(config) : null;
        Files.writeString(config, (original == null ? "" : original) + "\n[standin]\nfail_health_after_ms = 3000\n");
        List<Long> pids = pids();
        try {
            List<Long> ids = lodestar.nodeIds();
            String rollout = api().body("{\"nodes\":[\"" + ids.get(1) + "\",\"" + ids.get(3) + "\"],\"min_healthy_time\":\"8s\"}")
                    .post(deployment() + "/activities/iggy/restart").then().statusCode(202)
                    .extract().path("rollout.id").toString();
            JsonPath ended = awaitRolloutEnd(rollout);
            assertThat(ended.getString("state")).as(ended.prettify()).isEqualTo("stopped");
            assertThat(ended.getList("batches.nodes.flatten().state", String.class)).containsExactly("failed", "skipped");
            assertThat(ended.getString("batches[0].nodes[0].message")).startsWith("did not stay healthy for min_healthy_time 8s:"
                    + " its Warden's heartbeat at ").endsWith(" says iggy does not answer its health check (HTTP 503).");
            assertThat(lodestar.runtimePid(2, "iggy")).as("node 2 was restarted").isNotEqualTo(pids.get(1));
            assertThat(lodestar.runtimePid(4, "iggy")).as("node 4 untouched").isEqualTo(pids.get(3));
        } finally {
            if (original == null) {
                Files.deleteIfExists(config);
            } else {
                Files.writeString(config, original);
            }
        }
        String repair = api().body("{\"nodes\":[\"" + lodestar.nodeIds().get(1) + "\"]}").post(deployment() + "/activities/iggy/restart")
                .then().statusCode(202).extract().path("rollout.id").toString();
        assertThat(awaitRolloutEnd(repair).getString("state")).isEqualTo("completed");
    }

    /** Samples every node's health endpoint every 50 ms and keeps the most nodes seen down at once. */
    private static final class HealthSampler implements AutoCloseable {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger maxDown = new AtomicInteger();
        private final Thread thread = new Thread(this::sample, "health-sampler");

        HealthSampler() {
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            while (running.get()) {
                List<CompletableFuture<Boolean>> probes = new ArrayList<>();
                for (int node = 1; node <= NODES; node++) {
                    HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lodestar.iggyHttpPort(node) + "/ping"))
                            .timeout(Duration.ofSeconds(1)).build(); // generous: a loaded machine answers slowly, and a slow answer is not a node down
                    probes.add(http.sendAsync(ping, HttpResponse.BodyHandlers.discarding())
                            .thenApply(response -> response.statusCode() == 200).exceptionally(error -> false));
                }
                int down = (int) probes.stream().filter(probe -> !probe.join()).count();
                maxDown.accumulateAndGet(down, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        int maxDown() {
            return maxDown.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(2_000);
        }
    }

    private static String startRestart(String body) {
        return api().body(body).post(deployment() + "/activities/iggy/restart").then().statusCode(202)
                .extract().path("rollout.id").toString();
    }

    private static JsonPath awaitRolloutEnd(String rollout) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> !"running".equals(
                api().get(deployment() + "/rollouts/" + rollout).then().extract().path("state")));
        return api().get(deployment() + "/rollouts/" + rollout).then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> startCounts() throws IOException {
        List<Long> counts = new ArrayList<>();
        for (int node = 1; node <= NODES; node++) {
            counts.add(lodestar.iggyStartCount(node));
        }
        return counts;
    }

    private static List<Long> pids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (int node = 1; node <= NODES; node++) {
            pids.add(lodestar.runtimePid(node, "iggy"));
        }
        return pids;
    }

    private static String deployment() {
        return "/deployments/" + lodestar.deploymentId();
    }

    private static RequestSpecification api() {
        return given().baseUri(lodestar.url()).header("ld-api-key", lodestar.apiKey()).contentType("application/json");
    }
}
