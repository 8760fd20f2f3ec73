package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Lodestar knows the runtime it runs, end to end on a local Lodestar of three nodes (a real Supervisor,
 * three Wardens, stand-in runtimes that behave as apache/iggy does): Iggy's own figures in the metrics, a
 * plan that flags a cluster rename and a reconfigure that refuses it, the rename failing for real when
 * forced, drift after a hand edit, and a snapshot holding Iggy's own diagnostic ZIP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IggyAwareIT {

    private static final String SAME_NAME = "[cluster]\nname = \"iggy-cluster\"\n\n[http.jwt]\nencoding_secret = \"first\"\n";
    private static final String RENAMED = "[cluster]\nname = \"payments\"\n\n[http.jwt]\nencoding_secret = \"second\"\n";

    private static LocalLodestar lodestar;
    private static long applied;
    private static long renamed;

    /** Runtime ports below the kernel's ephemeral range (32768+), so no outgoing connection takes one first. */
    @BeforeAll
    static void up() throws IOException, InterruptedException {
        Path state = Files.createTempDirectory("lodestar-iggy-it").resolve("state");
        lodestar = new LocalLodestar(state, 18490, 19490, 24500, "-Dsupervisor.dispatch.deadline=20s");
        lodestar.up(); // assigned first: a failed up still gets its down, which stops what it started
    }

    @AfterAll
    static void down() throws IOException, InterruptedException {
        if (lodestar != null) {
            lodestar.down();
        }
    }

    @Test
    @Order(1)
    void metricsCarryIggysOwnFiguresReadWithThePersonalAccessToken() {
        assertThat(lodestar.state().resolve("node-1/iggy-token")).isNotEmptyFile();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get(deployment() + "/metrics?window=1h").then()
                .body("items", hasSize(3))
                .body("items.iggy.server", everyItem(notNullValue()))
                .body("items[0].iggy.server.streams", equalTo(0))
                .body("items[0].iggy.cluster[0].status", equalTo("healthy"))
                .body("items[0].iggy.connectors", hasSize(0)));
        System.out.println("METRICS " + api().get(deployment() + "/metrics?window=1h").asString());
    }

    @Test
    @Order(2)
    void aPlanFlagsTheClusterRenameAndReconfigureRefusesItWithoutForce() {
        applied = config(SAME_NAME);
        List<Number> ids = api().body("{}").post(deployment() + "/activities/iggy/reconfigure:" + applied).then()
                .statusCode(202).body("items", hasSize(3)).extract().path("items.id");
        ids.forEach(id -> awaitActivity(id, "completed"));
        renamed = config(RENAMED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(plan(renamed).getList("nodes.runs.config_id", Long.class))
                .containsOnly(applied));
        JsonPath plan = plan(renamed);
        System.out.println("PLAN " + plan.prettify()); // the answer docs/api/configs.md quotes
        assertThat(plan.getBoolean("dangerous")).isTrue();
        assertThat(plan.getList("nodes")).hasSize(3);
        assertThat(plan.getList("nodes[0].dangerous.key")).containsExactly("cluster.name");
        assertThat(plan.getString("nodes[0].dangerous[0].reason")).contains("refuses to start under another name");
        assertThat(plan.getMap("nodes[0].changes.find { it.key == 'http.jwt.encoding_secret' }"))
                .containsEntry("from", "[REDACTED]").containsEntry("to", "[REDACTED]");
        assertThat(plan.prettify()).doesNotContain("\"first\"", "\"second\"");

        System.out.println("REFUSED " + api().body("{}").post(deployment() + "/activities/iggy/reconfigure:" + renamed).asString());
        api().body("{}").post(deployment() + "/activities/iggy/reconfigure:" + renamed).then().statusCode(409)
                .contentType("application/problem+json")
                .body("dangerous", hasSize(3)).body("dangerous.key", everyItem(equalTo("cluster.name")));
        api().get(deployment() + "/activities?action=reconfigure:" + renamed).then().body("total_results", equalTo(0));
    }

    @Test
    @Order(3)
    void forcedTheRenamedServerRefusesToBootAndLodestarRollsBack() throws IOException {
        List<Number> ids = api().body(Map.of("force", true, "nodes", List.of(lodestar.nodeIds().get(0))))
                .post(deployment() + "/activities/iggy/reconfigure:" + renamed).then().statusCode(202)
                .extract().path("items.id");
        awaitActivity(ids.get(0), "rejected");
        api().get(deployment() + "/activities/" + ids.get(0)).then().body("message", containsString("rolled back"));
        assertThat(Files.readString(lodestar.iggyWorkingDir(1).resolve("config.toml"))).isEqualTo(SAME_NAME);
        assertThat(Files.readString(lodestar.iggyWorkingDir(1).resolve("local_data/logs/iggy-server.log")))
                .contains("superblock cluster in", "refusing boot");
    }

    @Test
    @Order(4)
    void aFileEditedByHandIsDrift() throws IOException {
        long node = lodestar.nodeIds().get(1);
        Files.writeString(lodestar.iggyWorkingDir(2).resolve("config.toml"), "\n# tuned by hand\n", StandardOpenOption.APPEND);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get("/agents/" + node).then()
                .body("config_drift", containsString("is not config " + applied + " that Lodestar applied")));
        api().get(deployment()).then().body("config_drift.node_id", hasItem(node));
        System.out.println("DRIFT " + api().get("/agents/" + node).asString());
        System.out.println("DEPLOYMENT " + api().get(deployment()).asString());
        System.out.println("EVENTS " + api().get(deployment() + "/events?event_type=config_drift").asString());
        api().get(deployment() + "/events?event_type=config_drift").then()
                .body("items.node_id", hasItem(node)).body("items[0].message", containsString("changed outside Lodestar"));
        api().get("/agents/" + lodestar.nodeIds().get(2)).then().body("config_drift", equalTo(null));
    }

    @Test
    @Order(5)
    void aSnapshotHoldsIggysOwnDiagnosticZipAndTheNewChecks() throws Exception {
        api().body("{\"include_iggy\":true}").post(deployment() + "/snapshots").then().statusCode(204);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> api().get(deployment() + "/snapshots").then()
                .body("items", hasSize(3)).body("items.status", everyItem(equalTo("completed"))));
        long node = lodestar.nodeIds().get(0);
        Number snapshot = api().get(deployment() + "/snapshots").then().extract().path("items.find { it.node_id == " + node + " }.id");
        String url = api().get(deployment() + "/snapshots/" + snapshot + "/download").then().statusCode(200).extract().path("url");
        Path zip = Files.createTempFile("snapshot", ".zip");
        assertThat(new ProcessBuilder("curl", "-sf", "-o", zip.toString(), url).inheritIO().start().waitFor()).isZero();
        try (ZipFile bundle = new ZipFile(zip.toFile())) {
            ZipEntry iggy = bundle.getEntry("iggy-server-snapshot.zip");
            assertThat(iggy).as("Iggy's own ZIP in the bundle").isNotNull();
            List<String> names = new java.util.ArrayList<>();
            try (ZipInputStream inner = new ZipInputStream(bundle.getInputStream(iggy))) {
                for (ZipEntry entry; (entry = inner.getNextEntry()) != null; ) {
                    names.add(entry.getName());
                }
            }
            assertThat(names).contains("server_logs.txt", "server_config.txt", "process_list.txt");
            String results = new String(bundle.getInputStream(bundle.getEntry("results.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(results).contains("runtime.iggy.cluster", "runtime.iggy.messages", "runtime.connectors.status",
                    "iggy-server-snapshot.zip: the Iggy server's own diagnostic ZIP");
        }
    }

    private static long config(String content) {
        Number id = api().body(Map.of("runtime", "iggy", "name", "v", "content", content)).post(deployment() + "/configs")
                .then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    private static JsonPath plan(long configId) {
        return api().body("{}").post(deployment() + "/configs/" + configId + "/plan").then().statusCode(200).extract().jsonPath();
    }

    private static void awaitActivity(Object id, String status) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> api().get(deployment() + "/activities/" + id)
                .then().body("status", equalTo(status)));
    }

    private static String deployment() {
        return "/deployments/" + lodestar.deploymentId();
    }

    private static RequestSpecification api() {
        return given().baseUri(lodestar.url()).header("ld-api-key", lodestar.apiKey()).contentType("application/json");
    }
}
