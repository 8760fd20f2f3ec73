package io.lodestar.supervisor.operation;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.tenancy.Permission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class OperationApiTest {

    @Inject
    OperationService operations;

    @Test
    void creatingADeploymentRunsOneDeployOperationPerAgentThatEndsDoneWithItsLog() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            long deployment = Api.deployment("ops-done", List.of(warden.nodeId()));
            Number id = admin().get("/deployments/" + deployment + "/operations").then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].type", equalTo("deploy"))
                    .body("items[0].agent_id", equalTo(warden.nodeId()))
                    .body("items[0].title", equalTo("Deploy ops-done"))
                    .body("items[0].status", equalTo("pending"))
                    .body("items[0].rollback", nullValue())
                    .extract().path("items[0].id");
            admin().get("/operations/" + id).then().body("log_path", equalTo("/operations/" + id + "/log"));

            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "", 4242);
            awaitStatus(id, "running");
            admin().get("/operations/" + id).then().body("pid", equalTo(4242)).body("started_at", org.hamcrest.Matchers.notNullValue());
            warden.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "iggy started (pid 4242)", 4242);
            awaitStatus(id, "done");

            admin().get("/operations/" + id + "/log").then().statusCode(200)
                    .body(containsString("Operation created: Deploy ops-done"))
                    .body(containsString("Task " + start.getTaskId() + " succeeded: iggy started (pid 4242)"))
                    .body(containsString("Operation done"));
            admin().get("/agents/" + warden.nodeId() + "/operations").then().statusCode(200)
                    .body("items[0].id", equalTo(id));
            admin().get("/operations?type=deploy&id=" + deployment).then().statusCode(200)
                    .body("total_results", equalTo(1)).body("items[0].id", equalTo(id));
            admin().get("/operations?type=restart&id=" + deployment).then().statusCode(200).body("total_results", equalTo(0));

            admin().post("/operations/" + id + "/kill").then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("only a running operation can be killed"));
            admin().delete("/operations/" + id).then().statusCode(204);
            admin().get("/operations/" + id).then().statusCode(404);
            admin().get("/operations/" + id + "/log").then().statusCode(404);
        }
    }

    @Test
    void killSendsTheWardenAKillOfTheRunningTaskAndEndsTheOperationInError() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            long deployment = Api.deployment("ops-kill", List.of(warden.nodeId()));
            Number id = admin().get("/deployments/" + deployment + "/operations").then().extract().path("items[0].id");
            admin().post("/operations/" + id + "/kill").then().statusCode(409)
                    .body("detail", containsString("is pending"));
            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "", 0);
            awaitStatus(id, "running");
            admin().delete("/operations/" + id).then().statusCode(409).body("detail", containsString("kill it or wait"));

            admin().post("/operations/" + id + "/kill").then().statusCode(202).body("id", equalTo(id));
            Task kill = warden.nextTask();
            assertThat(kill.hasOperationKill()).isTrue();
            assertThat(kill.getOperationKill().getTargetTaskId()).isEqualTo(start.getTaskId());
            assertThat(kill.getOperationKill().getRuntime()).isEqualTo(Runtime.RUNTIME_IGGY);
            warden.report(kill.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "SIGKILL sent to iggy (pid 777); it exited", 777);
            awaitStatus(id, "error");
            admin().get("/operations/" + id).then().body("pid", equalTo(777))
                    .body("message", containsString("Killed on request: SIGKILL sent to iggy (pid 777)"));
            // The start task then fails on the node; the operation stays as the kill left it.
            warden.report(start.getTaskId(), TaskState.TASK_STATE_FAILED, "iggy exited during start");
            warden.awaitAck(start.getTaskId(), TaskState.TASK_STATE_FAILED);
            admin().get("/operations/" + id).then().body("status", equalTo("error"))
                    .body("message", containsString("Killed on request"));
        }
    }

    @Test
    void aFailedTaskEndsTheOperationInErrorWithTheWardensReason() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            long deployment = Api.deployment("ops-fail", List.of(warden.nodeId()));
            Number id = admin().get("/deployments/" + deployment + "/operations").then().extract().path("items[0].id");
            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_FAILED, "iggy is not installed on this node");
            awaitStatus(id, "error");
            admin().get("/operations/" + id).then().body("message", equalTo("iggy is not installed on this node"))
                    .body("finished_at", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void aRollbackNamesTheOperationItRolledBack() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            long deployment = Api.deployment("ops-rollback", List.of(warden.nodeId()));
            long deploy = ((Number) admin().get("/deployments/" + deployment + "/operations").then()
                    .extract().path("items[0].id")).longValue();
            long rollback = QuarkusTransaction.requiringNew().call(() -> {
                Operation op = operations.begin(Deployment.findById(deployment), warden.nodeId(),
                        OperationType.CONFIG_ROLLOUT, "Roll back config 2", "Back to config 1", deploy);
                operations.finish(op, true, null);
                return op.id;
            });
            admin().get("/operations/" + rollback).then().statusCode(200)
                    .body("status", equalTo("done"))
                    .body("type", equalTo("config_rollout"))
                    .body("rollback.operation_id", equalTo(deploy))
                    .body("rollback.title", equalTo("Deploy ops-rollback"));
            admin().get("/deployments/" + deployment + "/operations").then().body("items[0].rollback.operation_id", equalTo(deploy));
        }
    }

    @Test
    void badInputIsAProblemAndOtherTenantsSeeNothing() {
        admin().get("/operations?type=upgrade").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("deploy, restart, scale, teardown, config_rollout"));
        admin().get("/operations?id=abc").then().statusCode(400);
        admin().get("/operations/abc").then().statusCode(400);
        admin().get("/operations/1").then().statusCode(404);
        admin().post("/operations/1/kill").then().statusCode(404);
        admin().delete("/operations/1").then().statusCode(404);
        admin().get("/deployments/1/operations").then().statusCode(404);
        admin().get("/agents/1/operations").then().statusCode(404);
        admin().get("/operations?results=0").then().statusCode(400);
        String readOnly = Api.keyWith(Permission.DEPLOYMENT_READ);
        Api.as(readOnly).post("/operations/1/kill").then().statusCode(403);
        Api.as(readOnly).get("/operations").then().statusCode(200);
    }

    private static void awaitStatus(Number id, String status) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get("/operations/" + id)
                .then().statusCode(200).body("status", equalTo(status)));
    }
}
