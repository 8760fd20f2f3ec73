package io.lodestar.supervisor.activity;

import static io.lodestar.supervisor.Api.admin;
import static io.lodestar.supervisor.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.FreeGrpcPort;
import io.lodestar.supervisor.tenancy.Permission;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FreeGrpcPort.class) // applies to every @QuarkusTest of the module
class ActivityApiTest {

    private FakeWarden first;
    private FakeWarden second;
    private long deploymentId;
    private final java.util.Set<Object> startTasks = new java.util.HashSet<>();

    @BeforeEach
    void twoNodeDeploymentThatIsReady() throws InterruptedException {
        // Beating: on a loaded host a test can outlast the 2 s heartbeat TTL, and a node gone offline gets no task.
        first = Api.connectedWarden().keepBeating();
        second = Api.connectedWarden().keepBeating();
        deploymentId = Api.deployment("events-prod", List.of(first.nodeId(), second.nodeId()));
        for (FakeWarden warden : List.of(first, second)) {
            Task start = warden.nextTask();
            startTasks.add(start.getTaskId());
            assertThat(start.getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_START);
            warden.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started (pid 42)");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> admin().get("/deployments/" + deploymentId)
                .then().extract().path("status").equals("ready"));
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        first.close();
        second.close();
    }

    @Test
    void restartOnAllNodesCreatesOneActivityPerNodeAndCompletesWhenBothReport() throws InterruptedException {
        List<Number> ids = admin().body("{}").post(path("iggy/restart"))
                .then().statusCode(202)
                .body("items", hasSize(2))
                .body("items.status", contains("processing", "processing"))
                .body("items.action", contains("restart", "restart"))
                .extract().path("items.id");

        for (FakeWarden warden : List.of(first, second)) {
            Task task = warden.nextTask();
            assertThat(task.getRuntimeAction().getRuntime()).isEqualTo(io.lodestar.protocol.v1.Runtime.RUNTIME_IGGY);
            assertThat(task.getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_RESTART);
            warden.report(task.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "");
            warden.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted (pid 43)");
            warden.awaitAck(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);
        }

        for (Number id : ids) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path(String.valueOf(id)))
                    .then().statusCode(200)
                    .body("status", equalTo("completed"))
                    .body("finished_at", notNullValue())
                    .body("message", equalTo("restarted (pid 43)")));
        }
    }

    @Test
    void restartOnOneNodeTargetsOnlyThatNode() throws InterruptedException {
        admin().body(Map.of("nodes", List.of(second.nodeId()))).post(path("iggy/restart"))
                .then().statusCode(202)
                .body("items", hasSize(1))
                .body("items[0].node_id", equalTo(second.nodeId()));
        Task task = second.nextTask();
        second.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted");
        assertThat(first.pollTask(500)).as("the other node gets nothing").isNull();
    }

    @Test
    void aFailureReportedByTheWardenRejectsTheActivityWithItsReason() throws InterruptedException {
        Number id = admin().body(Map.of("nodes", List.of(first.nodeId()))).post(path("connectors/stop"))
                .then().statusCode(202).extract().path("items[0].id");
        Task task = first.nextTask();
        while (startTasks.contains(task.getTaskId())) { // the sweep re-pushed the start before the node's report landed
            task = first.nextTask();
        }
        assertThat(task.getRuntimeAction().getRuntime()).isEqualTo(io.lodestar.protocol.v1.Runtime.RUNTIME_CONNECTORS);
        first.report(task.getTaskId(), TaskState.TASK_STATE_FAILED, "connectors is not installed on this node");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path(String.valueOf(id)))
                .then().body("status", equalTo("rejected"))
                .body("message", equalTo("connectors is not installed on this node")));
    }

    @Test
    void listShowsTheSeedItemShapeAndEnvelope() {
        admin().get(path("") + "?page=1&results=10")
                .then().statusCode(200)
                .body("page", equalTo(1))
                .body("total_results", equalTo(2))
                .body("total_pages", equalTo(1))
                .body("items[0].keySet()", org.hamcrest.Matchers.hasItems("id", "tenant_id", "division_id",
                        "environment_id", "deployment_id", "author_id", "runtime", "action", "node_id", "status",
                        "created_at", "finished_at"))
                .body("items[0].created_at", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("items[0].deployment_id", equalTo(deploymentId));
        admin().get(path("") + "?page=2&results=1").then().statusCode(200)
                .body("items", hasSize(1)).body("page", equalTo(2)).body("total_pages", equalTo(2));
        admin().get(path("") + "?skip=1&limit=1").then().statusCode(200).body("items", hasSize(1));
        admin().get(path("") + "?status=completed&runtime=iggy&action=start").then().statusCode(200)
                .body("total_results", equalTo(2));
        admin().get(path("") + "?node_id=" + first.nodeId()).then().statusCode(200).body("total_results", equalTo(1));
    }

    @Test
    void omittedBodyMeansAllNodes() throws InterruptedException {
        given().header("ld-api-key", Api.ADMIN_KEY).post(path("iggy/stop")).then().statusCode(202).body("items", hasSize(2));
        first.nextTask();
        second.nextTask();
    }

    @Test
    void badInputIsAProblemWithAnActionableDetail() {
        problem(admin().body("{}").post(path("kafka/restart")), 400, "Unknown runtime 'kafka'");
        problem(admin().body("{}").post(path("iggy/explode")), 400, "Unknown action 'explode'");
        problem(admin().body("{}").post(path("iggy/reconfigure:abc")), 400, "reconfigure:{config_id}");
        problem(admin().body("{}").post(path("iggy/reconfigure:12")), 404, "Runtime configuration 12 was not found");
        problem(admin().body("{\"nodes\":[]}").post(path("iggy/restart")), 400, "nodes is empty");
        problem(admin().body("{\"nodes\":[1, 2]}").post(path("iggy/restart")), 400, "not part of deployment " + deploymentId + ": [1, 2]");
        problem(admin().body("{\"nodes\":\"all\"}").post(path("iggy/restart")), 400, "nodes must be an array");
        problem(admin().body("{\"nodes\":[\"x\"]}").post(path("iggy/restart")), 400, "integer ids");
        problem(admin().body("{\"nodes\":[").post(path("iggy/restart")), 400, "not valid JSON");
        problem(admin().body("[1]").post(path("iggy/restart")), 400, "must be a JSON object");
        problem(admin().get(path("") + "?results=0"), 400, "results must be between 1 and 100");
        problem(admin().get(path("") + "?page=0"), 400, "page must be");
        problem(admin().get(path("") + "?status=done"), 400, "Unknown status 'done'");
        problem(admin().get("/deployments/abc/activities"), 400, "deployment_id must be an integer id");
    }

    @Test
    void keysAreCheckedBeforeAnythingElse() {
        problem(given().contentType("application/json").body("{}").post(path("iggy/restart")), 401, "ld-api-key");
        problem(as("ld_not_a_key").body("{}").post(path("iggy/restart")), 401, "unknown, revoked or expired");
        String reader = Api.keyWith(Permission.DEPLOYMENT_READ);
        problem(as(reader).body("{}").post(path("iggy/restart")), 403, "deployment:manage");
        as(reader).get(path("")).then().statusCode(200);
        problem(as(Api.keyWith()).get(path("")), 403, "deployment:read");
    }

    @Test
    void unknownDeploymentOrActivityIsNotFound() {
        problem(admin().body("{}").post("/deployments/42/activities/iggy/restart"), 404, "Deployment 42 was not found");
        problem(admin().get("/deployments/42/activities"), 404, "Deployment 42 was not found");
        problem(admin().get(path("7")), 404, "Activity 7 was not found");
    }

    private String path(String rest) {
        return "/deployments/" + deploymentId + "/activities" + (rest.isEmpty() ? "" : "/" + rest);
    }

    private static void problem(io.restassured.response.Response response, int status, String detailPart) {
        response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", containsString(detailPart))
                .body("instance", notNullValue())
                .body("trace", nullValue());
    }
}
