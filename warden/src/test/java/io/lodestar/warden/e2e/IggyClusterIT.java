package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;


import io.lodestar.testsupport.standin.IggyTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A local Lodestar of three nodes run as one Iggy cluster, end to end (a real Supervisor, three Wardens, stand-in
 * servers that behave as apache/iggy's do in cluster mode): the generated roster on every node and
 * {@code --replica-id} on every server's command line, a rolling restart each of whose steps the cluster's
 * {@code /cluster/metadata} confirmed, and a rename the plan flags and reconfigure refuses, with and without force.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IggyClusterIT {

    private static LocalLodestar lodestar;
    private static long clusterId;
    private static long rosterId;

    /** The local Lodestar's own deployment is deleted first: its nodes become the cluster's replicas. */
    @BeforeAll
    static void up() throws IOException, InterruptedException {
        Path state = Files.createTempDirectory("lodestar-cluster-it").resolve("state");
        // H2's own lock timeout (1 s) is shorter than a transaction takes on a machine running several builds
        lodestar = new LocalLodestar(state, 18590, 19590, 24700, "-Dsupervisor.dispatch.deadline=90s"
                + " -Dquarkus.datasource.jdbc.url=jdbc:h2:file:${lodestar.data-dir}/supervisor;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=30000");
        lodestar.up();
        List<Number> stops = api().delete("/deployments/" + lodestar.deploymentId()).then().statusCode(200).extract()
                .path("agent_ids");
        assertThat(stops).hasSize(3);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api()
                .get("/deployments/" + lodestar.deploymentId() + "/activities?status=processing").then()
                .body("total_results", equalTo(0)));
        // The old tokens live in the old data directory; the cluster starts on a fresh one and gets new ones below.
        for (int node = 1; node <= 3; node++) {
            Files.deleteIfExists(state.resolve("node-" + node + "/iggy-token"));
        }
    }

    @AfterAll
    static void down() throws IOException, InterruptedException {
        if (lodestar != null) {
            lodestar.down();
        }
    }

    @Test
    @Order(1)
    void eachNodeRunsTheGeneratedRosterAsItsReplica() throws IOException {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            int base = lodestar.iggyHttpPort(node);
            nodes.add(Map.of("agent_id", Long.toString(lodestar.nodeIds().get(node - 1)), "ip", "127.0.0.1",
                    "ports", Map.of("http", base, "tcp", base + 1, "quic", base + 2, "websocket", base + 3,
                            "tcp_replica", base + 4)));
        }
        String created = api().body(Map.of("name", "events-cluster", "runtimes", List.of("iggy"),
                "agent_ids", lodestar.nodeIds().stream().map(String::valueOf).toList(),
                "cluster", Map.of("name", "events", "nodes", nodes, "config", "[system]\npath = \"cluster_data\"\n")))
                .post("/deployments").then().statusCode(201).extract().asString();
        System.out.println("CREATED " + created); // the answer docs/api/clusters.md quotes
        clusterId = JsonPath.from(created).getLong("id");
        assertThat(JsonPath.from(created).getList("cluster.replicas.replica_id", Integer.class)).containsExactly(0, 1, 2);

        awaitNoneProcessing();
        JsonPath deploy = api().get(cluster() + "/activities").then().extract().jsonPath();
        System.out.println("DEPLOYED " + deploy.prettify());
        assertThat(deploy.getList("items.status")).hasSize(3).containsOnly("completed");
        rosterId = api().get(cluster() + "/configs").then().extract().jsonPath().getLong("items[0].id");
        String roster = api().get(cluster() + "/configs/" + rosterId).then().extract().path("content");
        System.out.println("ROSTER " + roster);
        for (int node = 1; node <= 3; node++) {
            assertThat(Files.readString(lodestar.iggyWorkingDir(node).resolve("config.toml"))).isEqualTo(roster);
            assertThat(commandLine(lodestar.runtimePid(node, "iggy"))).endsWith("--replica-id " + (node - 1));
            assertThat(Files.readString(lodestar.iggyWorkingDir(node).resolve("cluster_data/logs/iggy-server.log")))
                    .contains("Cluster 'events': this is replica " + (node - 1) + " of 3.");
        }
    }

    @Test
    @Order(2)
    void aRollingRestartWaitsForTheClusterToListEachReplica() throws Exception {
        for (int node = 1; node <= 3; node++) {
            provisionToken(node);
        }
        List<Long> before = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            before.add(lodestar.runtimePid(node, "iggy"));
        }
        JsonPath started = api().body("{}").post(cluster() + "/activities/iggy/restart").then().statusCode(202)
                .extract().jsonPath();
        assertThat(started.getString("rollout.strategy")).isEqualTo("rolling");
        assertThat(started.getInt("rollout.max_concurrency")).isEqualTo(1);
        awaitNoneProcessing();

        JsonPath done = api().get(cluster() + "/activities?action=restart").then().extract().jsonPath();
        System.out.println("RESTARTED " + done.prettify());
        assertThat(done.getList("items.status")).hasSize(3).containsOnly("completed");
        assertThat(done.getList("items.message", String.class))
                .allSatisfy(m -> assertThat(m).matches(".*replica \\d \\('replica-\\d'\\) is healthy in cluster 'events' per "
                        + "/cluster/metadata"));
        for (int node = 1; node <= 3; node++) {
            assertThat(lodestar.runtimePid(node, "iggy")).isNotEqualTo(before.get(node - 1));
        }
        System.out.println("ROLLOUT " + api().get(cluster() + "/rollouts/" + started.getLong("rollout.id")).asString());
    }

    @Test
    @Order(3)
    void thePlanFlagsARenameAndReconfigureRefusesItWithAndWithoutForce() {
        Number renamed = api().body(Map.of("runtime", "iggy", "name", "renamed", "content",
                "[cluster]\nname = \"payments\"\n\n[system]\npath = \"cluster_data\"\n"))
                .post(cluster() + "/configs").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(plan(renamed).getList("nodes.runs.config_id",
                Long.class)).containsOnly(rosterId));
        JsonPath plan = plan(renamed);
        System.out.println("PLAN " + plan.prettify());
        assertThat(plan.getList("nodes.dangerous.key")).hasSize(3).allSatisfy(keys -> assertThat(keys.toString())
                .isEqualTo("[cluster.name]"));
        assertThat(plan.getString("rollout.strategy")).isEqualTo("rolling");
        assertThat(plan.getList("rollout.batches")).hasSize(3);

        api().body("{}").post(cluster() + "/activities/iggy/reconfigure:" + renamed).then().statusCode(409)
                .body("dangerous", hasSize(3)).body("dangerous.key", everyItem(equalTo("cluster.name")));
        String forced = api().body(Map.of("force", true)).post(cluster() + "/activities/iggy/reconfigure:" + renamed)
                .then().statusCode(409).body("refusal", equalTo("cluster_rename"))
                .body("detail", containsString("\"force\" does not change that")).extract().asString();
        System.out.println("FORCED " + forced);
        String scaled = api().body(Map.of("replicas", 2)).post(cluster() + "/scale").then().statusCode(409)
                .body("refusal", equalTo("cluster_membership")).extract().asString();
        System.out.println("SCALED " + scaled);
        api().get(cluster() + "/activities?action=reconfigure:" + renamed).then().body("total_results", equalTo(0));
    }

    /** What an operator does once per node: log in as root and create a token (http.rs:287,410). */
    private static void provisionToken(int node) throws Exception {
        String password = Files.readString(lodestar.state().resolve("iggy-root-password")).trim();
        String token = IggyTokens.personalAccessToken(lodestar.iggyHttpPort(node), password);
        Files.writeString(lodestar.state().resolve("node-" + node + "/iggy-token"), token + "\n");
    }

    private static String commandLine(long pid) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
        return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
    }

    private static void awaitNoneProcessing() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> api()
                .get(cluster() + "/activities?status=processing").then().body("total_results", equalTo(0)));
    }

    private static JsonPath plan(Number configId) {
        return api().body("{}").post(cluster() + "/configs/" + configId + "/plan").then().statusCode(200).extract().jsonPath();
    }

    private static String cluster() {
        return "/deployments/" + clusterId;
    }

    private static RequestSpecification api() {
        return given().baseUri(lodestar.url()).header("ld-api-key", lodestar.apiKey()).contentType("application/json");
    }
}
