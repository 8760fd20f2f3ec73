package io.lodestar.supervisor.common;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.SseClient;
import io.lodestar.supervisor.audit.AuditEvent;
import io.lodestar.supervisor.iggy.DriftMonitor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Text far longer than its columns, from a Warden or a caller, is stored cut with its marker and read back so
 * through the API; the report that carried it is applied and the Warden's stream stays up.
 */
@QuarkusTest
class LongMessagesApiTest {

    private static final String LONG = "iggy failed to start: " + "e".repeat(100_000) + " (the end)";
    private static final String CUT_AT_2000 = "… (cut at 2000 characters)";

    @Inject
    DriftMonitor drift;

    private FakeWarden warden;
    private long deploymentId;

    @BeforeEach
    void readyDeployment() throws InterruptedException {
        warden = Api.connectedWarden().keepBeating();
        deploymentId = Api.readyDeployment("long-messages", warden);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        warden.close();
    }

    private String path(String rest) {
        return "/deployments/" + deploymentId + rest;
    }

    private Number restart() {
        return admin().body("{}").post(path("/activities/iggy/restart")).then().statusCode(202).extract().path("items[0].id");
    }

    @Test
    void aWardenReportOfAHundredThousandCharactersIsAppliedStoredCutAndTheStreamStaysUp() throws Exception {
        Number activity = restart();
        Task task = warden.nextTask();
        warden.report(task.getTaskId(), TaskState.TASK_STATE_FAILED, LONG);
        warden.awaitAck(task.getTaskId(), TaskState.TASK_STATE_FAILED); // acknowledged: the report committed

        String stored = admin().get(path("/activities/" + activity)).then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("message", hasLength(2000))
                .extract().path("message");
        assertThat(stored).isEqualTo(LONG.substring(0, 2000 - CUT_AT_2000.length()) + CUT_AT_2000);
        String taskMessage = QuarkusTransaction.requiringNew()
                .call(() -> io.lodestar.supervisor.dispatch.Task.<io.lodestar.supervisor.dispatch.Task>findById(task.getTaskId()).message);
        assertThat(taskMessage).isEqualTo(stored);

        admin().get(path("/events")).then().statusCode(200)
                .body("items.message", hasItem(allOf(startsWith("iggy restart failed: iggy failed to start: eee"),
                        hasLength(2000), endsWith(CUT_AT_2000))));
        Number operation = admin().get(path("/operations")).then().statusCode(200).extract().path("items[0].id");
        admin().get("/operations/" + operation).then().body("status", equalTo("error")).body("message", equalTo(stored));
        String log = admin().get("/operations/" + operation + "/log").then().statusCode(200).extract().asString();
        assertThat(log).contains("Task " + task.getTaskId() + " failed: iggy failed to start: eee").contains(CUT_AT_2000)
                .doesNotContain("(the end)");

        try (SseClient events = SseClient.open(path("/events/stream?types=activity.rejected"), "0")) {
            JsonPath rejected = JsonPath.from(events.next(Duration.ofSeconds(10)).data());
            assertThat(rejected.getString("data.message")).isEqualTo(stored);
        }

        Number next = restart(); // the same stream still carries tasks and reports
        Task again = warden.nextTask();
        warden.report(again.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("/activities/" + next)).then()
                .body("status", equalTo("completed")).body("message", equalTo("restarted")));
    }

    @Test
    void aRuntimeExitOfAHundredThousandCharactersFailsTheNodeWithTheCutMessage() throws InterruptedException {
        warden.runtimeEvent(RuntimeEvent.newBuilder().setRuntime(Runtime.RUNTIME_IGGY).setKind(RuntimeEvent.Kind.KIND_EXITED)
                .setPid(4242).setExitCode(1).setMessage(LONG).build());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("/events?event_type=node_failed")).then()
                .body("items.message", hasItem(allOf(startsWith("iggy exited on its own (pid 4242, exit code 1): iggy failed"),
                        hasLength(2000), endsWith(CUT_AT_2000)))));

        Number next = restart();
        Task task = warden.nextTask();
        warden.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted");
        warden.awaitAck(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("/activities/" + next)).then()
                .body("status", equalTo("completed")));
    }

    @Test
    void aReportWithNulCharactersIsStoredWithReplacementCharactersAndTheStreamStaysUp() throws Exception {
        Number activity = restart();
        Task task = warden.nextTask();
        warden.report(task.getTaskId(), TaskState.TASK_STATE_FAILED, "iggy wrote \0\0 and exited");
        warden.awaitAck(task.getTaskId(), TaskState.TASK_STATE_FAILED); // PostgreSQL refuses NUL in text: not stored as is
        admin().get(path("/activities/" + activity)).then().statusCode(200)
                .body("status", equalTo("rejected")).body("message", equalTo("iggy wrote \uFFFD\uFFFD and exited"));

        Number next = restart();
        Task again = warden.nextTask();
        warden.report(again.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("/activities/" + next)).then()
                .body("status", equalTo("completed")));
    }

    @Test
    void aLongConfigDriftIsStoredCutAndRecordedOnceHoweverOftenItIsChecked() throws InterruptedException {
        Number config = admin().body(Map.of("runtime", "iggy", "name", "v1", "content", "[http]\nenabled = true\n"))
                .post(path("/configs")).then().statusCode(201).extract().path("id");
        Number applied = admin().body("{\"force\":true}").post(path("/activities/iggy/reconfigure:" + config))
                .then().statusCode(202).extract().path("items[0].id");
        Task reconfigure = warden.nextTask();
        warden.report(reconfigure.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "reconfigured");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("/activities/" + applied)).then()
                .body("status", equalTo("completed")));

        warden.heartbeat(Heartbeat.newBuilder().setSeq(1).addRuntimes(RuntimeStatus.newBuilder().setRuntime(Runtime.RUNTIME_IGGY)
                .setRunning(true).setPid(42).setConfigUnread(LONG)).build());
        String agent = "/agents/" + warden.nodeId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(agent).then()
                .body("config_drift", allOf(startsWith("iggy: Lodestar applied config " + config), hasLength(2000),
                        endsWith(CUT_AT_2000))));

        drift.check(warden.nodeId());
        drift.check(warden.nodeId());
        List<String> drifts = admin().get(path("/events?event_type=config_drift")).then().statusCode(200)
                .extract().path("items.message");
        assertThat(drifts).as("the same drift, checked again, is no news").hasSize(1);
        assertThat(drifts.get(0)).isEqualTo(admin().get(agent).then().extract().path("config_drift"));
    }

    @Test
    void aTitleMadeLongByACallersNameIsCutWithTheMarker() throws InterruptedException {
        String name = "n".repeat(200); // the longest name the API takes; "Deploy " makes the job's title longer
        try (FakeWarden other = Api.connectedWarden()) {
            long deployment = Api.deployment(name, List.of(other.nodeId()));
            String cut = ("Deploy " + name).substring(0, 200 - "… (cut at 200 characters)".length()) + "… (cut at 200 characters)";
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get("/deployments/" + deployment + "/operations")
                    .then().statusCode(200).body("items[0].title", equalTo(cut)));
        }
    }

    @Test
    void aLongPathNoRouteMatchesIsAuditedCutWithTheMarker() {
        String route = "/" + "p".repeat(4000);
        admin().body("{}").post(route).then().statusCode(404);
        String cut = route.substring(0, 300 - "… (cut at 300 characters)".length()) + "… (cut at 300 characters)";
        // Kept for operators without a tenant (no key is checked where no route matched), so read from the table.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent>list("route", cut))).singleElement()
                .satisfies(event -> assertThat(event.action).isEqualTo("POST " + cut)));
    }
}
