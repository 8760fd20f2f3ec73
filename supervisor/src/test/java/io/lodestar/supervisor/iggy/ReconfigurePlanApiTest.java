package io.lodestar.supervisor.iggy;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.ConfigFileReference;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.tenancy.Secrets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The reconfigure plan, force and config drift over the REST API and the real link, with a fake Warden. */
@QuarkusTest
class ReconfigurePlanApiTest {

    static final String V1 = "[cluster]\nname = \"orders\"\n\n[http]\naddress = \"127.0.0.1:3000\"\n\n"
            + "[http.jwt]\nencoding_secret = \"first-secret\"\n";
    static final String V2_RENAMED = "[cluster]\nname = \"payments\"\n\n[http]\naddress = \"127.0.0.1:3001\"\n\n"
            + "[http.jwt]\nencoding_secret = \"second-secret\"\n";

    FakeWarden warden;
    long deploymentId;
    long seq = 1;

    @BeforeEach
    void readyDeployment() throws InterruptedException {
        warden = Api.connectedWarden();
        deploymentId = Api.readyDeployment("plans", warden);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        warden.close();
    }

    private long config(String content) {
        Number id = admin().body(Map.of("runtime", "iggy", "name", "v", "content", content))
                .post("/deployments/" + deploymentId + "/configs").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    private String path(String rest) {
        return "/deployments/" + deploymentId + rest;
    }

    /** Applies a version through the API, the fake Warden reporting success. */
    private void apply(long configId) throws InterruptedException {
        Number activity = admin().body("{\"force\":true}").post(path("/activities/iggy/reconfigure:" + configId))
                .then().statusCode(202).extract().path("items[0].id");
        Task task = warden.nextTask();
        warden.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "reconfigured");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("/activities/" + activity))
                .then().body("status", equalTo("completed")));
    }

    private void fileOnNode(String content, ConfigFileReference... files) {
        warden.heartbeat(Heartbeat.newBuilder().setSeq(seq++).addRuntimes(RuntimeStatus.newBuilder()
                .setRuntime(Runtime.RUNTIME_IGGY).setRunning(true).setPid(42)
                .setConfigChecksum(Secrets.hash(content)).addAllConfigFiles(List.of(files))).build());
    }

    private JsonPath plan(long configId) {
        return admin().body("{}").post(path("/configs/" + configId + "/plan")).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void thePlanDiffsWhatTheNodeRunsMasksSecretsAndFlagsARenamedCluster() throws InterruptedException {
        long v1 = config(V1);
        apply(v1);
        fileOnNode(V1);
        long v2 = config(V2_RENAMED);

        await().atMost(Duration.ofSeconds(5)).until(() -> plan(v2).getLong("nodes[0].runs.config_id") == v1);
        JsonPath plan = plan(v2);
        assertThat(plan.getBoolean("dangerous")).isTrue();
        assertThat(plan.getLong("nodes[0].node_id")).isEqualTo(warden.nodeId());
        assertThat(plan.getString("nodes[0].runs.checksum")).isEqualTo(Secrets.hash(V1));
        assertThat(plan.getList("nodes[0].changes.key")).containsExactly("cluster.name", "http.address",
                "http.jwt.encoding_secret");
        assertThat(plan.getMap("nodes[0].changes[0]")).containsEntry("change", "changed").containsEntry("from", "orders")
                .containsEntry("to", "payments").containsEntry("restart", true);
        assertThat(plan.getMap("nodes[0].changes[2]")).containsEntry("from", "[REDACTED]").containsEntry("to", "[REDACTED]")
                .containsEntry("secret", true);
        assertThat(plan.prettify()).doesNotContain("first-secret", "second-secret");
        assertThat(plan.getBoolean("nodes[0].restart")).isTrue();
        assertThat(plan.getList("nodes[0].dangerous.key")).containsExactly("cluster.name");
        assertThat(plan.getString("nodes[0].dangerous[0].reason")).contains("on-disk identity");
        assertThat(plan.getString("rollout.strategy")).isEqualTo("all_at_once");
        assertThat(plan.getList("rollout.batches[0]", Long.class)).containsExactly(warden.nodeId());
        assertThat(warden.pollTask(200)).isNull(); // a plan touches nothing

        admin().body("{}").post(path("/activities/iggy/reconfigure:" + v2)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("changes cluster.name, which Iggy does not take safely"))
                .body("detail", containsString("\"force\": true"))
                .body("dangerous[0].key", equalTo("cluster.name"))
                .body("dangerous[0].node_id", equalTo(warden.nodeId()))
                .body("dangerous[0].reason", containsString("refuses to start under another name"));
        assertThat(warden.pollTask(300)).isNull();

        admin().body("{\"force\":true}").post(path("/activities/iggy/reconfigure:" + v2)).then().statusCode(202);
        assertThat(warden.nextTask().getRuntimeAction().getConfigId()).isEqualTo(v2);
    }

    @Test
    void aSafeChangeGoesThroughWithoutForceAndAnUpToDateNodeHasNothingToDo() throws InterruptedException {
        long v1 = config(V1);
        apply(v1);
        fileOnNode(V1);
        long v3 = config(V1.replace("3000", "3005"));
        await().atMost(Duration.ofSeconds(5)).until(() -> plan(v3).getLong("nodes[0].runs.config_id") == v1);

        JsonPath plan = plan(v3);
        assertThat(plan.getBoolean("dangerous")).isFalse();
        assertThat(plan.getList("nodes[0].changes.key")).containsExactly("http.address");
        assertThat(plan(v1).getBoolean("nodes[0].up_to_date")).isTrue();
        admin().body("{}").post(path("/activities/iggy/reconfigure:" + v3)).then().statusCode(202);
        warden.nextTask();
    }

    @Test
    void whatTheNodeReportedBeforeAReconfigureIsNotTrustedAfterItUntilItsNextHeartbeat() throws InterruptedException {
        long v1 = config(V1);
        apply(v1);
        fileOnNode(V1);
        long v2 = config(V2_RENAMED);
        await().atMost(Duration.ofSeconds(5)).until(() -> plan(v2).getLong("nodes[0].runs.config_id") == v1);

        // a reconfigure the node rolls back: the file on the node is whatever the rollback restored
        long v3 = config(V1.replace("3000", "3005"));
        Number activity = admin().body("{}").post(path("/activities/iggy/reconfigure:" + v3)).then().statusCode(202)
                .extract().path("items[0].id");
        Task task = warden.nextTask();
        warden.report(task.getTaskId(), TaskState.TASK_STATE_FAILED, "rolled back: iggy did not come back healthy");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("/activities/" + activity))
                .then().body("status", equalTo("rejected")));

        JsonPath plan = plan(v2);
        assertThat(plan.getString("nodes[0].runs.unknown")).contains("its last reconfigure ended");
        assertThat(plan.getBoolean("dangerous")).as("what the node runs is not known: unchecked, not refused").isFalse();
        assertThat(plan.getList("nodes[0].unchecked.key")).contains("cluster.name");

        fileOnNode(V1); // its next heartbeat
        await().atMost(Duration.ofSeconds(5)).until(() -> plan(v2).getLong("nodes[0].runs.config_id") == v1);
        assertThat(plan(v2).getBoolean("dangerous")).isTrue();
    }

    @Test
    void aNodeThatHasNotReportedItsFileIsPlannedAsUnknown() {
        long v2 = config(V2_RENAMED);
        JsonPath plan = plan(v2);
        assertThat(plan.getString("nodes[0].runs.unknown")).contains("has not reported its config file");
        assertThat(plan.getBoolean("dangerous")).isFalse();
        assertThat(plan.getList("nodes[0].unchecked.key")).contains("cluster.name");
        assertThat(plan.getList("nodes[0].changes.change")).containsOnly("added");
    }

    @Test
    void aTlsFileTheNodeReportsMissingIsDangerous() throws InterruptedException {
        String withTls = V1 + "\n[tcp.tls]\nenabled = true\ncert_file = \"/etc/iggy/cert.pem\"\n";
        long v1 = config(V1);
        apply(v1);
        fileOnNode(V1, ConfigFileReference.newBuilder().setKey("http.tls.cert_file").setPath("/etc/iggy/cert.pem")
                .setExists(false).build());
        long tls = config(withTls);
        await().atMost(Duration.ofSeconds(5)).until(() -> plan(tls).getLong("nodes[0].runs.config_id") == v1);

        JsonPath plan = plan(tls);
        assertThat(plan.getList("nodes[0].dangerous.key")).containsExactly("tcp.tls.cert_file");
        assertThat(plan.getString("nodes[0].dangerous[0].reason")).contains("/etc/iggy/cert.pem does not exist on the node");

        long other = config(withTls.replace("/etc/iggy/cert.pem", "/srv/new.pem"));
        JsonPath unchecked = plan(other);
        assertThat(unchecked.getList("nodes[0].dangerous")).isEmpty();
        assertThat(unchecked.getString("nodes[0].unchecked[0].reason")).contains("could not check that /srv/new.pem exists");
    }

    @Test
    void planErrorsAreProblems() {
        admin().body("{}").post(path("/configs/1/plan")).then().statusCode(404).contentType("application/problem+json");
        long v1 = config(V1);
        admin().body("{\"nodes\":[7]}").post(path("/configs/" + v1 + "/plan")).then().statusCode(400)
                .body("detail", containsString("Node 7 is not a node of deployment"));
        admin().body("{}").post("/deployments/1/configs/" + v1 + "/plan").then().statusCode(404);
    }

    @Test
    void aFileEditedByHandIsDriftInTheAgentAndDeploymentViewsAndAnEvent() throws InterruptedException {
        long v1 = config(V1);
        apply(v1);
        fileOnNode(V1);
        String agent = "/agents/" + warden.nodeId();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> admin().get(agent).then().body("config_drift", nullValue()));

        fileOnNode(V1 + "\n# edited by hand\n");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(agent).then()
                .body("config_drift", containsString("is not config " + v1 + " that Lodestar applied")));
        admin().get(path("")).then().body("config_drift[0].node_id", equalTo(warden.nodeId()))
                .body("config_drift[0].drift", containsString("changed outside Lodestar"));
        admin().get(path("/events?event_type=config_drift")).then()
                .body("items.message", hasItem(containsString("changed outside Lodestar")));

        fileOnNode(V1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(agent).then().body("config_drift", nullValue()));
        admin().get(path("/events?event_type=config_drift")).then()
                .body("items.message", hasItem(containsString("match the versions Lodestar applied again")));
    }
}
