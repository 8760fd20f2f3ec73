package io.lodestar.supervisor.rollout;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The request's quorum_guard option: false lets a restart take nodes down although the guard would hold it, left
 * out the guard applies as before, and true where no guard can apply or a value that is not a boolean is a 400.
 */
@QuarkusTest
class RolloutQuorumGuardOptionApiTest extends ThreeReadyNodesFixture {

    RolloutQuorumGuardOptionApiTest() {
        super("quorum-option");
    }

    @Test
    void falseRestartsNodesTheGuardWouldHoldAndTheRolloutShowsItOff() throws InterruptedException {
        crashThirdNode();

        String rolloutId = restart(twoNodesAtOnce(",\"quorum_guard\":false")).then().statusCode(202)
                .body("rollout.quorum_guard", equalTo(false))
                .body("rollout.message", equalTo("batch 1 of 1 running."))
                .extract().path("rollout.id").toString();
        for (FakeWarden warden : wardens.subList(0, 2)) {
            Task task = warden.nextTask();
            assertThat(task.getRuntimeAction().getAction()).isEqualTo(RuntimeAction.Action.ACTION_RESTART);
            warden.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted");
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path("rollouts/" + rolloutId)).then()
                .statusCode(200)
                .body("state", equalTo("completed"))
                .body("batches.nodes.flatten().state", everyItem(equalTo("succeeded"))));
        admin().get(path("rollouts")).then().statusCode(200)
                .body("items[0].id", equalTo(Long.valueOf(rolloutId)))
                .body("items[0].quorum_guard", equalTo(false));
    }

    @Test
    void leftOutTheGuardHoldsAsBefore() throws InterruptedException {
        crashThirdNode();

        String rolloutId = restart(twoNodesAtOnce(",\"quorum_wait\":\"1s\"")).then().statusCode(202)
                .body("rollout.quorum_guard", equalTo(true))
                .body("rollout.message", startsWith("held by the quorum guard: 1 of 3 nodes are down now"))
                .extract().path("rollout.id").toString();
        assertThat(wardens.get(0).pollTask(300)).as("with 1 of 3 down, another node down would lose the majority").isNull();
        assertThat(wardens.get(1).pollTask(300)).isNull();
        admin().get(path("rollouts")).then().statusCode(200)
                .body("items[0].id", equalTo(Long.valueOf(rolloutId)))
                .body("items[0].quorum_guard", equalTo(true));
    }

    @Test
    void trueWhereNoGuardCanApplyIsRefusedAndNothingStarts() {
        int before = rollouts();
        for (String action : new String[] {"start", "stop"}) {
            problem(admin().body("{\"quorum_guard\":true}").post(path("activities/iggy/" + action)),
                    "quorum_guard applies only to restart and reconfigure, the actions that take a node down and expect"
                            + " it back; " + action + " has none. Leave quorum_guard out or set it to false.");
        }
        assertThat(rollouts()).as("a refused request starts no rollout").isEqualTo(before);

        admin().body("{\"quorum_guard\":false}").post(path("activities/iggy/stop")).then().statusCode(202)
                .body("rollout.quorum_guard", equalTo(false));
        restart("{\"quorum_guard\":true}").then().statusCode(202).body("rollout.quorum_guard", equalTo(true));
    }

    @Test
    void aQuorumWaitWithTheGuardOffIsRefusedAsAContradiction() {
        int before = rollouts();
        problem(restart(twoNodesAtOnce(",\"quorum_guard\":false,\"quorum_wait\":\"1s\"")),
                "quorum_wait is how long the quorum guard waits for a majority, and quorum_guard false turns the guard"
                        + " off; send one or the other.");
        problem(admin().body("{\"quorum_guard\":false,\"quorum_wait\":\"30s\"}").post(path("activities/iggy/stop")),
                "quorum_wait is how long the quorum guard waits for a majority, and quorum_guard false turns the guard"
                        + " off; send one or the other.");
        assertThat(rollouts()).as("a refused request starts no rollout").isEqualTo(before);
    }

    @Test
    void aValueThatIsNotABooleanIsRefusedNamingTheField() {
        int before = rollouts();
        problem(restart("{\"quorum_guard\":\"yes\"}"), "quorum_guard must be true or false; got \"yes\".");
        problem(restart("{\"quorum_guard\":\"false\"}"), "quorum_guard must be true or false; got \"false\".");
        problem(restart("{\"quorum_guard\":1}"), "quorum_guard must be true or false; got 1.");
        problem(restart("{\"quorum_guard\":[false]}"), "quorum_guard must be true or false; got an array.");
        assertThat(rollouts()).isEqualTo(before);
    }

    /** The third node's Iggy exits, so one of three is down: the guard lets no other node go down with it. */
    private void crashThirdNode() {
        wardens.get(2).runtimeEvent(RuntimeEvent.newBuilder().setRuntime(Runtime.RUNTIME_IGGY)
                .setKind(RuntimeEvent.Kind.KIND_EXITED).setPid(42).setExitCode(1).setMessage("killed by hand").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(admin().get(path("")).then().extract().path("status")));
    }

    /** A restart of the first two nodes in one batch, plus {@code more} options. */
    private String twoNodesAtOnce(String more) {
        return "{\"nodes\":[\"" + wardens.get(0).nodeId() + "\",\"" + wardens.get(1).nodeId() + "\"],"
                + "\"max_concurrency\":2" + more + "}";
    }

    private Response restart(String body) {
        return admin().body(body).post(path("activities/iggy/restart"));
    }

    private int rollouts() {
        return admin().get(path("rollouts")).then().statusCode(200).extract().path("total_results");
    }

    private static void problem(Response response, String detail) {
        response.then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", equalTo(detail));
    }
}
