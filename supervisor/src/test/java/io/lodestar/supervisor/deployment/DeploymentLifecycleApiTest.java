package io.lodestar.supervisor.deployment;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;

/** Seed 002's lifecycle routes, with the status driven by what (fake, real-gRPC) Wardens report. */
@QuarkusTest
class DeploymentLifecycleApiTest {

    private final List<FakeWarden> wardens = new ArrayList<>();
    private long deploymentId;

    @BeforeEach
    void twoNodes() throws InterruptedException {
        wardens.add(Api.connectedWarden());
        wardens.add(Api.connectedWarden());
        deploymentId = Api.deployment("events-prod", List.of(wardens.get(0).nodeId(), wardens.get(1).nodeId()));
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        for (FakeWarden warden : wardens) {
            warden.close();
        }
    }

    @Test
    void statusFollowsTheWardensFromDeployingToRunningToReady() throws InterruptedException {
        assertThat(status()).isEqualTo("deploying");
        List<Task> starts = List.of(wardens.get(0).nextTask(), wardens.get(1).nextTask());
        wardens.get(0).report(starts.get(0).getTaskId(), TaskState.TASK_STATE_RUNNING, "pid 41");
        wardens.get(0).awaitAck(starts.get(0).getTaskId(), TaskState.TASK_STATE_RUNNING);
        assertThat(status()).as("one node up is not every node up").isEqualTo("deploying");
        wardens.get(1).report(starts.get(1).getTaskId(), TaskState.TASK_STATE_RUNNING, "pid 42");
        awaitStatus("running");
        wardens.get(0).report(starts.get(0).getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
        wardens.get(0).awaitAck(starts.get(0).getTaskId(), TaskState.TASK_STATE_SUCCEEDED);
        assertThat(status()).isEqualTo("running");
        wardens.get(1).report(starts.get(1).getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
        awaitStatus("ready");

        admin().get("/deployments/" + deploymentId + "/events").then().statusCode(200)
                .body("deployment_id", equalTo(deploymentId))
                .body("deployment_status", equalTo("ready"))
                .body("items[0].event_type", equalTo("status_changed"))
                .body("items[0].status", equalTo("ready"))
                .body("items.event_type", hasItem("created"))
                .body("items.event_type", hasItem("node_running"));
        admin().get("/deployments/" + deploymentId + "/events?event_type=status_changed&skip=0&limit=10").then().statusCode(200)
                .body("items.status", contains("ready", "running"))
                .body("total_results", equalTo(2));
        admin().get("/deployments/" + deploymentId + "/events?status=deploying&event_type=created").then()
                .body("items", hasSize(1)).body("items[0].author_id", notNullValue());
        admin().get("/deployments/" + deploymentId + "/events?event_type=exploded").then().statusCode(400);
        admin().get("/deployments/" + deploymentId + "/events?status=sleeping").then().statusCode(400);
        admin().get("/deployments/" + deploymentId + "/events?limit=101").then().statusCode(400);
    }

    @Test
    void restartOfARunningDeploymentAndScaleOfAStoppedOneAreRefusedAsDocumented() throws InterruptedException {
        bothReady();
        admin().post("/deployments/" + deploymentId + "/restart").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("Can only restart stopped or failed deployments"));

        // Stop iggy on every node through the activities route: the deployment is stopped once both report.
        admin().post("/deployments/" + deploymentId + "/activities/iggy/stop").then().statusCode(202);
        for (FakeWarden warden : wardens) {
            Task stop = warden.nextTask();
            assertThat(stop.getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_STOP);
            warden.report(stop.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "stopped");
        }
        awaitStatus("stopped");
        admin().body(Map.of("replicas", 3)).post("/deployments/" + deploymentId + "/scale").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("Can only scale running deployments"));

        admin().post("/deployments/" + deploymentId + "/restart").then().statusCode(200)
                .body("status", equalTo("deploying"));
        for (FakeWarden warden : wardens) {
            Task restart = warden.nextTask();
            assertThat(restart.getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_RESTART);
            warden.report(restart.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted");
        }
        awaitStatus("ready");
        admin().get("/deployments/" + deploymentId + "/events?event_type=restarted").then()
                .body("items", hasSize(1)).body("items[0].status", equalTo("deploying"));
    }

    @Test
    void aFailedNodeFailsTheDeploymentAndRestartBringsItBack() throws InterruptedException {
        Task first = wardens.get(0).nextTask();
        wardens.get(1).nextTask();
        wardens.get(0).report(first.getTaskId(), TaskState.TASK_STATE_FAILED, "iggy exited with code 1");
        awaitStatus("failed");
        admin().get("/deployments/" + deploymentId + "/events?event_type=node_failed").then()
                .body("items[0].node_id", equalTo(wardens.get(0).nodeId()));
        admin().post("/deployments/" + deploymentId + "/restart").then().statusCode(200).body("status", equalTo("deploying"));
    }

    @Test
    void aRuntimeThatExitsOnItsOwnFailsItsNodeWithTheWardensWords() throws InterruptedException {
        bothReady();
        FakeWarden crashed = wardens.get(1);
        crashed.runtimeEvent(RuntimeEvent.newBuilder().setRuntime(Runtime.RUNTIME_IGGY).setKind(RuntimeEvent.Kind.KIND_EXITED)
                .setPid(4242).setExitCode(137).setMessage("killed by the kernel (out of memory)").build());
        awaitStatus("failed");
        admin().get("/deployments/" + deploymentId + "/events?event_type=node_failed").then()
                .body("items", hasSize(1))
                .body("items[0].node_id", equalTo(crashed.nodeId()))
                .body("items[0].message", equalTo("iggy exited on its own (pid 4242, exit code 137): killed by the kernel (out of memory)"));
        admin().get("/agents/" + crashed.nodeId()).then().body("runtime_state", equalTo("failed")).body("state", equalTo("online"));

        // a runtime the deployment does not run changes nothing
        wardens.get(0).runtimeEvent(RuntimeEvent.newBuilder().setRuntime(Runtime.RUNTIME_CONNECTORS)
                .setKind(RuntimeEvent.Kind.KIND_EXITED).setPid(1).setMessage("not ours").build());
        wardens.get(0).heartbeat(1);
        admin().get("/agents/" + wardens.get(0).nodeId()).then().body("runtime_state", equalTo("ready"));
    }

    @Test
    void scaleAddsAFreeAgentOfTheEnvironmentAndReleasesIt() throws InterruptedException {
        bothReady();
        wardens.add(Api.connectedWarden());
        FakeWarden third = wardens.get(2);
        admin().body(Map.of("replicas", 3)).post("/deployments/" + deploymentId + "/scale").then().statusCode(200)
                .body("status", equalTo("deploying")).body("replicas", equalTo(3))
                .body("agent_ids", hasItem(third.nodeId()));
        Task start = third.nextTask();
        assertThat(start.getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_START);
        third.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
        awaitStatus("ready");

        admin().body(Map.of("replicas", 2)).post("/deployments/" + deploymentId + "/scale").then().statusCode(200)
                .body("replicas", equalTo(2)).body("status", equalTo("ready"));
        Task stop = third.nextTask();
        assertThat(stop.getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_STOP);
        admin().get("/agents/" + third.nodeId()).then().body("runtime_state", equalTo("stopped"));

        admin().body(Map.of("replicas", 100)).post("/deployments/" + deploymentId + "/scale").then().statusCode(409)
                .contentType("application/problem+json");
        admin().body(Map.of("replicas", 0)).post("/deployments/" + deploymentId + "/scale").then().statusCode(400);
        admin().body("{\"replicas\":\"many\"}").post("/deployments/" + deploymentId + "/scale").then().statusCode(400);
        admin().body("{").post("/deployments/" + deploymentId + "/scale").then().statusCode(400);
    }

    @Test
    void deleteKillsStopsTheRuntimesAndStopsTheAgents() throws InterruptedException {
        bothReady();
        admin().delete("/deployments/" + deploymentId).then().statusCode(200)
                .body("status", equalTo("killed")).body("ended_at", notNullValue());
        for (FakeWarden warden : wardens) {
            assertThat(warden.nextTask().getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_STOP);
            admin().get("/agents/" + warden.nodeId()).then().body("runtime_state", equalTo("stopped"));
        }
        admin().get("/deployments/" + deploymentId).then().body("status", equalTo("killed"));
        admin().get("/deployments?status=killed&agent_id=" + wardens.get(0).nodeId()).then()
                .body("items.id", contains(deploymentId));
        admin().post("/deployments/" + deploymentId + "/restart").then().statusCode(400);
        admin().delete("/deployments/" + deploymentId).then().statusCode(200).body("status", equalTo("killed"));
        // The nodes are free again.
        admin().body(Map.of("name", "again")).post("/agents/" + wardens.get(0).nodeId() + "/deploy").then().statusCode(201)
                .body("agent_ids", contains(wardens.get(0).nodeId())).body("status", equalTo("deploying"))
                .body("ended_at", nullValue());
    }

    @Test
    void listFiltersByAgentStatusAndEnvironment() {
        long environment = ((Number) admin().get("/deployments/" + deploymentId).then().extract().path("environment_id")).longValue();
        admin().get("/deployments?agent_id=" + wardens.get(1).nodeId()).then().statusCode(200)
                .body("items.id", contains(deploymentId));
        admin().get("/deployments?status=deploying&environment_id=" + environment + "&page=1&results=100").then()
                .body("items.id", hasItem(deploymentId)).body("items.status", everyItem(equalTo("deploying")));
        admin().get("/deployments?status=nope").then().statusCode(400);
        admin().get("/deployments?agent_id=abc").then().statusCode(400);
        admin().get("/deployments?environment_id=1").then().body("items", hasSize(0)).body("total_results", equalTo(0));
    }

    private void bothReady() throws InterruptedException {
        for (FakeWarden warden : wardens) {
            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
        }
        awaitStatus("ready");
    }

    private String status() {
        return admin().get("/deployments/" + deploymentId).then().statusCode(200).extract().path("status");
    }

    private void awaitStatus(String wanted) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status()).isEqualTo(wanted));
    }
}
