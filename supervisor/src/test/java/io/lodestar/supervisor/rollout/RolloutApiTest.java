package io.lodestar.supervisor.rollout;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.SseClient;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

/** Rollouts as the API shows them, on three fake Wardens whose reports the test writes. */
@QuarkusTest
class RolloutApiTest extends ThreeReadyNodesFixture {

    RolloutApiTest() {
        super("rollout-prod");
    }


    @Test
    void theSeedRequestRollsARestartOneNodeAtATimeWithItsDefaultsShown() throws InterruptedException {
        JsonPath answer = admin().body("{}").post(path("activities/iggy/restart"))
                .then().statusCode(202)
                .body("items", hasSize(3))
                .body("items.status", everyItem(equalTo("processing")))
                .body("items[0].keySet()", hasItems("id", "tenant_id", "division_id", "environment_id", "deployment_id",
                        "author_id", "runtime", "action", "node_id", "status", "created_at", "finished_at", "reason",
                        "rollout_id"))
                .body("rollout.strategy", equalTo("rolling"))
                .body("rollout.max_concurrency", equalTo(1))
                .body("rollout.max_errors", equalTo(0))
                .body("rollout.min_healthy_time", equalTo("0s"))
                .body("rollout.quorum_guard", equalTo(true))
                .body("rollout.state", equalTo("running"))
                .body("rollout.batch_count", equalTo(3))
                .body("rollout.batches[1].nodes[0].state", equalTo("waiting"))
                .extract().jsonPath();
        String rolloutId = answer.getString("rollout.id");
        assertThat(answer.getList("items.message", String.class).subList(1, 3))
                .allSatisfy(message -> assertThat(message).startsWith("waiting for its batch: batch"));

        for (int i = 0; i < 3; i++) {
            FakeWarden turn = wardens.get(i);
            Task task = turn.nextTask();
            assertThat(task.getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_RESTART);
            for (FakeWarden other : wardens.subList(i + 1, 3)) {
                assertThat(other.pollTask(300)).as("a later batch waits for this one").isNull();
            }
            turn.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted (pid " + (100 + i) + ")");
            turn.awaitAck(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("rollouts/" + rolloutId))
                .then().statusCode(200)
                .body("state", equalTo("completed"))
                .body("finished_at", notNullValue())
                .body("created_by", equalTo(Api.keyId(Api.ADMIN_KEY)))
                .body("batches.nodes.flatten().state", everyItem(equalTo("succeeded"))));
        admin().get(path("activities?rollout_id=" + rolloutId)).then().statusCode(200)
                .body("total_results", equalTo(3))
                .body("items.status", everyItem(equalTo("completed")))
                .body("items.rollout_id", everyItem(equalTo(Long.valueOf(rolloutId))));
    }

    @Test
    void startAndStopRunInParallel() throws InterruptedException {
        admin().body("{}").post(path("activities/iggy/stop")).then().statusCode(202)
                .body("rollout.strategy", equalTo("parallel"))
                .body("rollout.max_concurrency", equalTo(3))
                .body("rollout.quorum_guard", equalTo(false))
                .body("items.message", everyItem(nullValue()));
        for (FakeWarden warden : wardens) {
            assertThat(warden.nextTask().getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_STOP);
        }
    }

    @Test
    void optionsAreCheckedAndEveryBadValueNamesItsField() {
        problem(post("{\"strategy\":\"yolo\"}"), "strategy must be rolling or parallel");
        problem(post("{\"max_concurrency\":0}"), "max_concurrency must come to at least 1 node");
        problem(post("{\"max_concurrency\":\"10%\"}"), "max_concurrency must come to at least 1 node");
        problem(post("{\"max_concurrency\":\"lots\"}"), "max_concurrency must be a count");
        problem(post("{\"max_concurrency\":\"120%\"}"), "max_concurrency must be a percentage of at most 100%");
        problem(post("{\"max_errors\":\"-1\"}"), "max_errors must be a count");
        problem(post("{\"min_healthy_time\":\"ten seconds\"}"), "min_healthy_time must be a duration");
        problem(post("{\"min_healthy_time\":\"48h\"}"), "min_healthy_time must be at most 24h");
        problem(post("{\"delivery_timeout\":\"0s\"}"), "delivery_timeout must be longer than 0");
        problem(post("{\"quorum_wait\":\"soon\"}"), "quorum_wait must be a duration");
        problem(post("{\"strategy\":\"parallel\",\"max_concurrency\":1}"), "contradicts strategy parallel");

        post("{\"max_concurrency\":\"67%\",\"max_errors\":\"34%\",\"min_healthy_time\":\"1500ms\",\"quorum_wait\":90}")
                .then().statusCode(202)
                .body("rollout.strategy", equalTo("rolling"))
                .body("rollout.max_concurrency", equalTo(2))
                .body("rollout.max_errors", equalTo(1))
                .body("rollout.min_healthy_time", equalTo("1500ms"))
                .body("rollout.quorum_wait", equalTo("90s"))
                .body("rollout.batch_count", equalTo(2));
    }

    @Test
    void pastMaxErrorsTheRolloutStopsAndLaterNodesAreNotRun() throws InterruptedException {
        SseClient stream = SseClient.open("/deployments/" + deploymentId
                + "/events/stream?types=activity.rejected,rollout.stopped", null);
        String rolloutId = post("{}").then().statusCode(202).extract().path("rollout.id").toString();
        Task first = wardens.get(0).nextTask();
        wardens.get(0).report(first.getTaskId(), TaskState.TASK_STATE_FAILED, "iggy did not come back healthy within 30s");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("rollouts/" + rolloutId))
                .then().body("state", equalTo("stopped"))
                .body("failures", equalTo(1))
                .body("message", containsString("stopped after 1 failure(s)"))
                .body("batches.nodes.flatten().state", contains("failed", "skipped", "skipped")));
        List<Map<String, Object>> items = admin().get(path("activities?results=3")).then().extract().path("items");
        JsonPath activities = admin().get(path("activities?action=restart")).then().extract().jsonPath();
        assertThat(activities.getList("items.reason", String.class)).containsExactly("not_run", "not_run", "failed");
        assertThat(activities.getString("items[0].message")).startsWith("not run: rollout stopped after 1 failure(s)");
        assertThat(activities.getString("items[2].message")).isEqualTo("iggy did not come back healthy within 30s");
        assertThat(items).isNotEmpty();
        for (FakeWarden later : wardens.subList(1, 3)) {
            assertThat(later.pollTask(300)).as("nodes after the stop get nothing").isNull();
        }
        admin().get(path("")).then().body("status", equalTo("failed"));

        // On the event stream: the three rejections with their reasons, then the stop, for on-call.
        try (stream) {
            List<SseClient.Event> events = stream.take(4, Duration.ofSeconds(10));
            assertThat(events).extracting(SseClient.Event::name)
                    .containsExactly("activity.rejected", "activity.rejected", "activity.rejected", "rollout.stopped");
            assertThat(events.get(0).data()).contains("\"reason\":\"failed\"").contains("\"rollout_id\":" + rolloutId);
            assertThat(events.get(1).data()).contains("\"reason\":\"not_run\"");
            assertThat(events.get(3).data()).contains("\"change\":\"stopped\"").contains("stopped after 1 failure(s)");
        }
    }

    @Test
    void aRuntimeExitingDuringItsHealthGateFailsTheNodeAndStopsTheRollout() throws InterruptedException {
        String rolloutId = post("{\"min_healthy_time\":\"30s\"}").then().statusCode(202).extract().path("rollout.id").toString();
        Task first = wardens.get(0).nextTask();
        wardens.get(0).report(first.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted (pid 9)");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("rollouts/" + rolloutId))
                .then().body("batches[0].nodes[0].state", equalTo("gating"))
                .body("batches[0].nodes[0].healthy_at", notNullValue()));
        assertThat(wardens.get(1).pollTask(300)).as("the next batch waits for the gate").isNull();

        wardens.get(0).runtimeEvent(RuntimeEvent.newBuilder().setRuntime(Runtime.RUNTIME_IGGY)
                .setKind(RuntimeEvent.Kind.KIND_EXITED).setPid(9).setExitCode(1).setMessage("panicked").build());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("rollouts/" + rolloutId))
                .then().body("state", equalTo("stopped"))
                .body("batches[0].nodes[0].state", equalTo("failed"))
                .body("batches[0].nodes[0].message", containsString("did not stay healthy for min_healthy_time 30s"))
                .body("batches.nodes.flatten().state", contains("failed", "skipped", "skipped")));
        admin().get(path("activities/" + first.getTaskId())).then().body("status", equalTo("completed"));
        assertThat(wardens.get(1).pollTask(300)).isNull();
    }

    @Test
    void deletingTheDeploymentStopsItsRolloutBeforeTheNextBatch() throws InterruptedException {
        String rolloutId = post("{\"min_healthy_time\":\"1s\"}").then().statusCode(202).extract().path("rollout.id").toString();
        Task first = wardens.get(0).nextTask();
        wardens.get(0).report(first.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted");
        admin().delete(path("")).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("rollouts/" + rolloutId))
                .then().body("state", equalTo("stopped"))
                .body("message", equalTo("stopped: the deployment was deleted."))
                .body("batches.nodes.flatten().state", contains("succeeded", "skipped", "skipped")));
        for (FakeWarden later : wardens.subList(1, 3)) {
            Task task = later.nextTask();
            assertThat(task.getRuntimeAction().getAction()).as("only the teardown's stop").isEqualTo(RuntimeAction.Action.ACTION_STOP);
        }
    }

    @Test
    void cancelEndsWaitingNodesForCertainAndSaysWhichStillRun() throws InterruptedException {
        JsonPath started = post("{}").then().statusCode(202).extract().jsonPath();
        String rolloutId = started.getString("rollout.id");
        Task first = wardens.get(0).nextTask();
        wardens.get(0).report(first.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "");
        wardens.get(0).awaitAck(first.getTaskId(), TaskState.TASK_STATE_ACCEPTED);

        admin().post(path("rollouts/" + rolloutId + "/cancel")).then().statusCode(200)
                .body("rollout.state", equalTo("cancelled"))
                .body("cancelled_activity_ids", hasSize(2))
                .body("still_running", hasSize(1))
                .body("still_running[0].node_id", equalTo(wardens.get(0).nodeId()))
                .body("still_running[0].message", containsString("reports its true outcome"))
                .body("message", containsString("2 activities cancelled before reaching a node; 1 already on a node"));
        wardens.get(0).report(first.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted (pid 7)");
        long firstId = first.getTaskId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("activities/" + firstId))
                .then().body("status", equalTo("completed")).body("reason", nullValue()));
        JsonPath after = admin().get(path("activities?action=restart&status=rejected")).then().extract().jsonPath();
        assertThat(after.getList("items.reason", String.class)).containsExactly("cancelled", "cancelled");
        assertThat(after.getString("items[0].message")).startsWith("cancelled by API key");
        problem(admin().post(path("rollouts/" + rolloutId + "/cancel")), 409, "already ended cancelled");
    }

    @Test
    void cancellingOneActivityEndsItIfNotSentAndOtherwiseSaysItRuns() throws InterruptedException {
        JsonPath started = post("{}").then().statusCode(202).extract().jsonPath();
        String running = started.getString("items[0].id");
        String second = started.getString("items[1].id");
        wardens.get(0).nextTask();
        admin().post(path("activities/" + second + "/cancel")).then().statusCode(200)
                .body("cancelled_activity_ids", hasSize(1))
                .body("message", startsWith("cancelled by API key"));
        admin().get(path("activities/" + second)).then().body("status", equalTo("rejected")).body("reason", equalTo("cancelled"));
        admin().post(path("activities/" + running + "/cancel")).then().statusCode(200)
                .body("cancelled_activity_ids", hasSize(0))
                .body("message", startsWith("not cancelled: already sent to node"));
        problem(admin().post(path("activities/" + second + "/cancel")), 409, "already ended rejected");
        problem(admin().post(path("activities/42/cancel")), 404, "Activity 42 was not found");
    }

    @Test
    void theQuorumGuardHoldsWhileANodeIsDownAndRejectsPastItsBound() throws InterruptedException {
        FakeWarden crashed = wardens.get(2);
        crashed.runtimeEvent(RuntimeEvent.newBuilder().setRuntime(Runtime.RUNTIME_IGGY).setKind(RuntimeEvent.Kind.KIND_EXITED)
                .setPid(42).setExitCode(1).setMessage("killed by hand").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(admin().get(path("")).then().extract().path("status")));

        String body = "{\"nodes\":[\"" + wardens.get(0).nodeId() + "\",\"" + wardens.get(1).nodeId() + "\"],"
                + "\"max_concurrency\":2,\"quorum_wait\":\"1s\"}";
        String rolloutId = post(body).then().statusCode(202)
                .body("rollout.message", startsWith("held by the quorum guard: 1 of 3 nodes are down now"))
                .extract().path("rollout.id").toString();
        assertThat(wardens.get(0).pollTask(300)).as("with 1 of 3 down, another node down would lose the majority").isNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("rollouts/" + rolloutId))
                .then().body("state", equalTo("stopped"))
                .body("message", containsString("stopped by the quorum guard")));
        JsonPath held = admin().get(path("activities?action=restart&status=rejected")).then().extract().jsonPath();
        assertThat(held.getList("items.reason", String.class)).containsExactly("quorum_guard", "quorum_guard");
        assertThat(held.getString("items[0].message")).contains("not run: held by the quorum guard", "past quorum_wait 1s");
        assertThat(wardens.get(0).pollTask(300)).isNull();
        assertThat(wardens.get(1).pollTask(300)).isNull();
    }

    @Test
    void rolloutsAreListedNewestFirstAndPaged() {
        post("{}").then().statusCode(202);
        admin().body("{}").post(path("activities/iggy/stop")).then().statusCode(202);
        admin().get(path("rollouts?page=1&results=1")).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("stop"))
                .body("total_results", equalTo(3)) // the deployment's own start is a rollout too
                .body("total_pages", equalTo(3));
        admin().get(path("rollouts?page=3&results=1")).then().body("items[0].job", equalTo("deploy"));
        problem(admin().get(path("rollouts/42")), 404, "Rollout 42 was not found");
        problem(admin().get(path("rollouts/abc")), 400, "rollout_id must be an integer id");
        problem(admin().get("/deployments/42/rollouts"), 404, "Deployment 42 was not found");
    }

    private Response post(String body) {
        return admin().body(body).post(path("activities/iggy/restart"));
    }


    private static void problem(Response response, String detailPart) {
        problem(response, 400, detailPart);
    }

    private static void problem(Response response, int status, String detailPart) {
        response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("detail", containsString(detailPart));
    }
}
