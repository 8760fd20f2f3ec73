package io.lodestar.supervisor.replicas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.testsupport.postgres.TestPostgres;
import io.restassured.specification.RequestSpecification;

/**
 * Two packaged Supervisors on one PostgreSQL database and a Warden (the real link, a test's outcomes)
 * connected to B while every action is asked of A: tasks cross replicas at once through the database's
 * wake-ups (the sweep is slowed to 10 s so it cannot be what delivers them); then B is killed with
 * SIGKILL: A takes the node offline within the heartbeat TTL, the Warden reconnects to A, and the task
 * it had accepted from B completes once. A stop asked of A and a start asked of B half a second later
 * reach the Warden in that order, the start only once the stop ended.
 */
class ReplicasLinkIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final int ACTIONS = 40;

    @TempDir
    Path home;

    @Test
    void tasksCrossReplicasAtOnceAndSurviveTheDeathOfTheReplicaHoldingTheNode() throws Exception {
        Assumptions.assumeTrue(PackagedSupervisor.packaged(), "run after package (./mvnw verify)");
        String url = TestPostgres.freshDatabase("replicas_link");
        Map<String, String> settings = Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", TestPostgres.USER, "quarkus.datasource.password", TestPostgres.PASSWORD,
                "supervisor.dispatch.sweep-interval", "10s");

        try (PackagedSupervisor a = new PackagedSupervisor(home.resolve("a"));
                PackagedSupervisor b = new PackagedSupervisor(home.resolve("b"))) {
            a.start("postgresql", settings);
            b.start("postgresql", settings);
            a.awaitReady(START);
            b.awaitReady(START);

            String token = api(a).post("/agents/enrollments").then().statusCode(201).extract().path("token");
            FakeWarden onB = new FakeWarden(b.grpcPort()).enroll(token).connect();
            onB.awaitWelcome();
            onB.beating(1000);
            long nodeId = onB.nodeId();

            String deploymentId = api(a).body(Map.of("name", "across", "agent_ids", List.of(nodeId))).post("/deployments")
                    .then().statusCode(201).extract().jsonPath().getString("id");
            Task start = onB.nextTask();
            onB.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
            await().atMost(Duration.ofSeconds(20)).until(() -> "ready".equals(
                    api(a).get("/deployments/" + deploymentId).then().extract().path("status")));

            // Asked of A, delivered by B: each within 2 s although the sweep runs only every 10 s. The same
            // through B (the holder) for comparison: the difference is what crossing replicas costs.
            String across = latencies(a, onB, deploymentId);
            String same = latencies(b, onB, deploymentId);
            System.out.printf("dispatch POST -> Warden received, %d restarts each: across replicas (POST to A, Warden on B) %s;"
                    + " same replica (POST to B) %s%n", ACTIONS, across, same);

            // Stop through A (across replicas), start through B (the holder) half a second later: the Warden
            // gets them in the order they were asked, so the runtime ends started.
            api(a).body("{}").post("/deployments/" + deploymentId + "/activities/iggy/stop").then().statusCode(202);
            Thread.sleep(500);
            api(b).body("{}").post("/deployments/" + deploymentId + "/activities/iggy/start").then().statusCode(202);
            Task first = onB.nextTask();
            assertThat(first.getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_STOP);
            assertThat(onB.pollTask(700)).as("the start while the stop has not ended").isNull();
            onB.report(first.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "done");
            onB.awaitAck(first.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);
            Task second = onB.nextTask();
            assertThat(second.getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_START);
            onB.report(second.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "done");
            onB.awaitAck(second.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);

            // A task in flight on B when B dies.
            api(a).body("{}").post("/deployments/" + deploymentId + "/activities/iggy/restart").then().statusCode(202);
            Task inFlight = onB.nextTask();
            onB.report(inFlight.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "");
            onB.awaitAck(inFlight.getTaskId(), TaskState.TASK_STATE_ACCEPTED);

            long killed = System.nanoTime();
            b.kill();
            onB.awaitEnd();
            onB.close();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "offline".equals(api(a).get("/agents/" + nodeId).then().extract().path("state")));
            System.out.printf("node of the killed replica offline on the other after %.1f s%n", (System.nanoTime() - killed) / 1e9);

            try (FakeWarden onA = new FakeWarden(a.grpcPort()).as(nodeId, onB.secret())
                    .connect(FakeWarden.update(inFlight.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted while B died"))) {
                onA.awaitWelcome();
                onA.awaitAck(inFlight.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);
                assertThat(api(a).get("/agents/" + nodeId).then().extract().<String>path("state")).isEqualTo("online");
                await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(api(a)
                        .get("/deployments/" + deploymentId + "/activities/" + inFlight.getTaskId()).then().extract().path("status")));
                assertThat(api(a).get("/deployments/" + deploymentId + "/activities/" + inFlight.getTaskId())
                        .then().extract().<String>path("message")).isEqualTo("restarted while B died");
            }
            try (Connection connection = TestPostgres.connect(url);
                    ResultSet task = connection.createStatement().executeQuery(
                            "select state, count(*) over () from tasks where id = " + inFlight.getTaskId())) {
                assertThat(task.next()).isTrue();
                assertThat(task.getString(1)).isEqualTo("SUCCEEDED");
                assertThat(task.getLong(2)).isEqualTo(1);
            }
        }
    }

    /** p50/p99/max of POST -> received for restarts asked of {@code through}, each reported done before the next. */
    private static String latencies(PackagedSupervisor through, FakeWarden warden, String deploymentId) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < ACTIONS; i++) {
            long asked = System.nanoTime();
            api(through).body("{}").post("/deployments/" + deploymentId + "/activities/iggy/restart").then().statusCode(202);
            Task task = warden.pollTask(2000);
            micros.add((System.nanoTime() - asked) / 1000);
            assertThat(task).as("restart %d reached the Warden within 2 s", i).isNotNull();
            warden.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted");
            warden.awaitAck(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);
        }
        Collections.sort(micros);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", micros.get(ACTIONS / 2) / 1000.0,
                micros.get((int) Math.ceil(ACTIONS * 0.99) - 1) / 1000.0, micros.get(ACTIONS - 1) / 1000.0);
    }

    private static RequestSpecification api(PackagedSupervisor replica) {
        return given().baseUri(replica.apiUrl()).header("ld-api-key", PackagedSupervisor.ADMIN_KEY).contentType("application/json");
    }
}
