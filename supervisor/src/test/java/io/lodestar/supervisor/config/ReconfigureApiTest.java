package io.lodestar.supervisor.config;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;

/** reconfigure:{config_id} and queue=false over the REST API and the real link, with a fake Warden deciding outcomes. */
@QuarkusTest
class ReconfigureApiTest extends ReadyDeploymentFixture {

    ReconfigureApiTest() {
        super("reconfigure");
    }

    private long config(long deployment, String runtime, String content) {
        Number id = admin().body(Map.of("runtime", runtime, "name", "n", "content", content))
                .post("/deployments/" + deployment + "/configs").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    private String activities(String rest) {
        return "/deployments/" + deploymentId + "/activities/" + rest;
    }

    @Test
    void theTaskCarriesTheConfigAndARollbackEndsTheActivityRejected() throws InterruptedException {
        String content = RuntimeConfigApiTest.TUNED;
        long configId = config(deploymentId, "iggy", content);

        Number activityId = admin().body("{}").post(activities("iggy/reconfigure:" + configId)).then().statusCode(202)
                .body("items[0].action", equalTo("reconfigure:" + configId)).extract().path("items[0].id");

        Task task = warden.nextTask();
        RuntimeAction action = task.getRuntimeAction();
        assertThat(action.getAction()).isEqualTo(RuntimeAction.Action.ACTION_RECONFIGURE);
        assertThat(action.getConfigId()).isEqualTo(configId);
        assertThat(action.getConfigContent()).isEqualTo(content);
        assertThat(action.getConfigChecksum()).isEqualTo(RuntimeConfigService.checksum(content));

        warden.report(task.getTaskId(), TaskState.TASK_STATE_FAILED,
                "rolled back: iggy did not come back healthy with config " + configId + " (exited with code 1)");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(activities(String.valueOf(activityId)))
                .then().body("status", equalTo("rejected")).body("message", containsString("rolled back: ")));
    }

    @Test
    void aConfigOfAnotherRuntimeOrDeploymentIsNotFound() throws InterruptedException {
        long connectorsConfig = config(deploymentId, "connectors", "[http]\naddress = \"127.0.0.1:8081\"\n");
        admin().body("{}").post(activities("iggy/reconfigure:" + connectorsConfig)).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("is a config of connectors"));

        try (FakeWarden other = Api.connectedWarden()) {
            long otherDeployment = Api.deployment("elsewhere", List.of(other.nodeId()));
            long foreign = config(otherDeployment, "iggy", "[system]\npath = \"x\"\n");
            admin().body("{}").post(activities("iggy/reconfigure:" + foreign)).then().statusCode(404)
                    .body("detail", containsString("was not found in deployment " + deploymentId));
        }
        assertThat(warden.pollTask(200)).isNull();
    }

    @Test
    void queueFalseIsRefusedWhileTheRuntimeIsBusyOnANode() throws InterruptedException {
        Number first = admin().body("{}").post(activities("iggy/restart")).then().statusCode(202).extract().path("items[0].id");
        Task running = warden.nextTask();

        admin().body("{}").post(activities("iggy/stop?queue=false")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("still processing activity " + first));
        admin().body("{}").post(activities("connectors/restart?queue=false")).then().statusCode(202);
        admin().body("{}").post(activities("iggy/stop?queue=maybe")).then().statusCode(400)
                .body("detail", containsString("queue must be true or false"));

        warden.report(running.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(activities(String.valueOf(first)))
                .then().body("status", equalTo("completed")));
        admin().body("{}").post(activities("iggy/stop?queue=false")).then().statusCode(202);
        admin().body("{}").post(activities("iggy/start")).then().statusCode(202); // queued behind the stop: allowed
    }
}
