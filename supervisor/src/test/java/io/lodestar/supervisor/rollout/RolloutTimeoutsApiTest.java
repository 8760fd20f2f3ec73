package io.lodestar.supervisor.rollout;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The execution timeout through the API, on fake Wardens: the request's value (or the default) is shown and goes to
 * the Warden with the task; the Warden's timed-out report ends the activity {@code execution_timeout}; the
 * Supervisor's own deadline is only the fallback for a Warden that never reports.
 */
@QuarkusTest
class RolloutTimeoutsApiTest extends ThreeReadyNodesFixture {

    RolloutTimeoutsApiTest() {
        super("timeouts");
    }


    @Test
    void theDefaultExecutionTimeoutIsShownAndABadOneNamesItsField() throws InterruptedException {
        problem("{\"execution_timeout\":\"forever\"}", "execution_timeout must be a duration");
        problem("{\"execution_timeout\":0}", "execution_timeout must be longer than 0");
        problem("{\"execution_timeout\":\"25h\"}", "execution_timeout must be at most 24h");

        admin().body("{}").post(path("activities/iggy/stop")).then().statusCode(202)
                .body("rollout.execution_timeout", equalTo("10m"))
                .body("rollout.delivery_timeout", equalTo("4s"));
        assertThat(wardens.get(0).nextTask().getExecutionTimeoutMs()).isEqualTo(Duration.ofMinutes(10).toMillis());
    }

    @Test
    void theWardensTimedOutReportEndsTheActivityExecutionTimeoutAndStopsTheRollout() throws InterruptedException {
        JsonPath answer = admin().body("{\"execution_timeout\":\"2m\"}").post(path("activities/iggy/restart"))
                .then().statusCode(202)
                .body("rollout.execution_timeout", equalTo("2m"))
                .extract().jsonPath();
        String rolloutId = answer.getString("rollout.id");
        FakeWarden first = wardens.get(0);
        Task task = first.nextTask();
        assertThat(task.getExecutionTimeoutMs()).isEqualTo(120_000);
        first.report(task.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "");
        String words = "timed out after 2m on the node while waiting for iggy to become healthy; it was left running"
                + " as it is (pid 4321, last health check: HTTP 503)";
        first.report(FakeWarden.update(task.getTaskId(), TaskState.TASK_STATE_FAILED, words).toBuilder().setPid(4321)
                .setFailure(TaskUpdate.Failure.FAILURE_EXECUTION_TIMEOUT).build());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("rollouts/" + rolloutId)).then()
                .body("state", equalTo("stopped"))
                .body("batches[0].nodes[0].state", equalTo("failed"))
                .body("batches[1].nodes[0].state", equalTo("skipped")));
        admin().get(path("activities/" + task.getTaskId())).then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("reason", equalTo("execution_timeout"))
                .body("message", equalTo(words));
    }

    @Test
    void aWardenThatNeverReportsIsTimedOutByTheSupervisorOnlyAfterItsExecutionTimeoutAndTheGrace()
            throws InterruptedException {
        admin().body("{\"nodes\":[" + wardens.get(0).nodeId() + "],\"execution_timeout\":\"6s\"}")
                .post(path("activities/iggy/restart")).then().statusCode(202);
        FakeWarden silent = wardens.get(0);
        Task task = silent.nextTask();
        silent.report(task.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "");
        silent.awaitAck(task.getTaskId(), TaskState.TASK_STATE_ACCEPTED);

        Thread.sleep(5_000); // past the delivery deadline (4s): an accepted task is bounded by its execution timeout now
        admin().get(path("activities/" + task.getTaskId())).then().body("status", equalTo("processing"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("activities/" + task.getTaskId()))
                .then()
                .body("status", equalTo("rejected"))
                .body("reason", equalTo("execution_timeout"))
                .body("message", startsWith("timed out: the Warden on node " + silent.nodeId() + " accepted this task at"))
                .body("message", containsString("did not report within its execution_timeout (PT6S) and PT1S more")));
    }

    private void problem(String body, String detail) {
        admin().body(body).post(path("activities/iggy/restart")).then().statusCode(400)
                .body("detail", containsString(detail));
    }

}
