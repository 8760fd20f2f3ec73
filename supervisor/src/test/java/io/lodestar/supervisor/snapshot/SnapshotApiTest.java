package io.lodestar.supervisor.snapshot;

import io.lodestar.supervisor.SignedUrls;
import static io.lodestar.supervisor.Api.admin;
import static io.lodestar.supervisor.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lodestar.protocol.v1.SnapshotUploadReceipt;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.storage.ObjectStore;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SnapshotApiTest {

    @Inject
    ObjectStore store;

    private FakeWarden first;
    private FakeWarden second;
    private long deploymentId;

    @BeforeEach
    void twoNodeDeployment() throws InterruptedException {
        // snapshots outlast the test heartbeat TTL (2 s): keep both links alive as a Warden does
        first = Api.connectedWarden().beating(300);
        second = Api.connectedWarden().beating(300);
        deploymentId = Api.deployment("events-prod", List.of(first.nodeId(), second.nodeId()));
        for (FakeWarden warden : List.of(first, second)) {
            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
        }
        setPlan("basic");
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        first.close();
        second.close();
    }

    @Test
    void everyNodeSnapshotsUploadsAndTheArchiveDownloadsWithoutAKey() throws Exception {
        admin().body("{\"redact_secrets\":true,\"include_iggy\":true}").post(path()).then().statusCode(204);

        admin().get(path() + "?page=1&results=10").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.status", everyItem(equalTo("processing")))
                .body("items.name", everyItem(matchesPattern("snapshot-\\d{8}-\\d{6}")))
                .body("items.deployment_name", everyItem(equalTo("events-prod")))
                .body("total_results", equalTo(2)).body("page", equalTo(1)).body("total_pages", equalTo(1));

        byte[] bundle = bundle("report of node one");
        Task task = first.nextTask();
        assertThat(task.hasSnapshot()).isTrue();
        assertThat(task.getSnapshot().getRedactSecrets()).isTrue();
        assertThat(task.getSnapshot().getIncludeIggy()).isTrue();
        assertThat(task.getSnapshot().getDeploymentName()).isEqualTo("events-prod");
        SnapshotUploadReceipt receipt = upload(first, task.getTaskId(), bundle, null);
        assertThat(receipt.getSizeBytes()).isEqualTo(bundle.length);
        first.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "snapshot uploaded");
        first.awaitAck(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED);

        String item = path() + "/" + task.getTaskId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(item).then()
                .body("status", equalTo("completed")).body("size_bytes", equalTo(bundle.length))
                .body("completed_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")));

        String url = admin().get(item + "/download").then().statusCode(200).extract().path("url");
        byte[] downloaded = given().get(URI.create(url)).then().log().ifValidationFails().statusCode(200)
                .header("Content-Type", "application/zip").extract().asByteArray();
        assertThat(downloaded).isEqualTo(bundle);

        given().get(SignedUrls.tampered(url, "signature")).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("expired or was altered"));
        given().get(URI.create(url.replaceAll("expires=\\d+", "expires=99999999999"))).then().statusCode(403);

        // the other node is still processing: its archive cannot be downloaded yet, and no new snapshot may start
        Task other = second.nextTask();
        admin().get(path() + "/" + other.getTaskId() + "/download").then().statusCode(409)
                .body("detail", containsString("still processing"));
        admin().post(path()).then().statusCode(409).body("detail", containsString("in progress"));
    }

    @Test
    void aDamagedUploadIsRefusedAndTheWardensReasonFailsTheItem() throws Exception {
        admin().post(path()).then().statusCode(204);
        Task task = first.nextTask();
        assertThatThrownBy(() -> upload(first, task.getTaskId(), bundle("x"), "00".repeat(32)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DATA_LOSS);
                    assertThat(e.getStatus().getDescription()).contains("arrived damaged");
                });
        first.report(task.getTaskId(), TaskState.TASK_STATE_FAILED, "upload failed 3 times: the bundle arrived damaged");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path() + "/" + task.getTaskId()).then()
                .body("status", equalTo("failed")).body("message", containsString("arrived damaged")));
        admin().get(path() + "/" + task.getTaskId() + "/download").then().statusCode(409)
                .body("detail", containsString("failed"));
    }

    @Test
    void aSuccessReportWithoutAnArchiveFailsTheItem() throws InterruptedException {
        admin().post(path()).then().statusCode(204);
        Task task = first.nextTask();
        first.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "done");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path() + "/" + task.getTaskId()).then()
                .body("status", equalTo("failed")).body("message", containsString("no archive")));
    }

    @Test
    void uploadsAreAuthenticatedAndOnlyForTheNodesOwnOpenTask() throws Exception {
        admin().post(path()).then().statusCode(204);
        Task task = first.nextTask();
        assertThatThrownBy(() -> SnapshotUploadClient.upload(first.channel(), first.nodeId(), "wrong secret",
                task.getTaskId(), new ByteArrayInputStream(bundle("x")), null))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThatThrownBy(() -> upload(second, task.getTaskId(), bundle("x"), null))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    }

    @Test
    void aNodeThatNeverAnswersEndsFailedAtTheDeadline() throws InterruptedException {
        second.close();
        admin().post(path()).then().statusCode(204);
        first.nextTask();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> admin().get(path()).then()
                .body("items.status", everyItem(equalTo("failed")))
                .body("items.message", everyItem(containsString("deadline"))));
        second = Api.connectedWarden().beating(300); // for @AfterEach
    }

    @Test
    void racingRequestsNeverBothStartASnapshot() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            answers.add(pool.submit((Callable<Integer>) () -> {
                go.await();
                return admin().post(path()).then().extract().statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(204, 409);
        assertThat(statuses.stream().filter(s -> s == 204).count()).isEqualTo(1);
        admin().get(path()).then().body("items", hasSize(2));
    }

    @Test
    void theDatabaseItselfRefusesASecondItemInProgressForTheSameDeploymentAndNode() throws InterruptedException {
        admin().post(path()).then().statusCode(204);
        first.nextTask();
        Snapshot running = QuarkusTransaction.requiringNew().call(() -> Snapshot.<Snapshot>find("deploymentId = ?1 and nodeId = ?2",
                deploymentId, first.nodeId()).firstResult());
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Snapshot sneaky = new Snapshot();
            sneaky.id = running.id + 1_000_000;
            sneaky.placeIn(running.scope());
            sneaky.deploymentId = deploymentId;
            sneaky.nodeId = first.nodeId();
            sneaky.deploymentName = running.deploymentName;
            sneaky.name = "snapshot-20000101-000000";
            sneaky.status = SnapshotStatus.PROCESSING;
            sneaky.inProgressDeploymentId = deploymentId;
            sneaky.createdAt = running.createdAt;
            sneaky.persist();
        })).hasStackTraceContaining("ConstraintViolationException");
    }

    @Test
    void thePlansCountLimitIsA409NamingPlanAndLimit() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            takeAndFail();
        }
        admin().post(path()).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("basic plan (3 per deployment, kept 7 days)"));
        setPlan("pro");
        takeAndFail();
        takeAndFail();
        admin().post(path()).then().statusCode(409).body("detail", containsString("pro plan (5 per deployment"));
    }

    @Test
    void deletingRemovesTheItemAndItsArchive() throws Exception {
        admin().body("{}").post(path()).then().statusCode(204);
        Task task = first.nextTask();
        admin().delete(path() + "/" + task.getTaskId()).then().statusCode(409).body("detail", containsString("processing"));
        upload(first, task.getTaskId(), bundle("to delete"), null);
        first.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "done");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path() + "/" + task.getTaskId()).then()
                .body("status", equalTo("completed")));
        String key = QuarkusTransaction.requiringNew().call(() -> Snapshot.<Snapshot>findById(task.getTaskId()).objectKey);
        assertThat(store.exists(key)).isTrue();
        String url = admin().get(path() + "/" + task.getTaskId() + "/download").then().extract().path("url");

        admin().delete(path() + "/" + task.getTaskId()).then().statusCode(204);

        assertThat(store.exists(key)).isFalse();
        admin().get(path() + "/" + task.getTaskId()).then().statusCode(404);
        given().get(URI.create(url)).then().statusCode(404);
        admin().delete(path() + "/" + task.getTaskId()).then().statusCode(404);
    }

    @Test
    void anotherTenantsDeploymentAndSnapshotsAreNotFound() throws InterruptedException {
        admin().post(path()).then().statusCode(204);
        Task task = first.nextTask();
        String stranger = Api.keyOfAnotherTenant(Permission.DEPLOYMENT_MANAGE);
        as(stranger).post(path()).then().statusCode(404);
        as(stranger).get(path()).then().statusCode(404);
        as(stranger).get(path() + "/" + task.getTaskId() + "/download").then().statusCode(404);
        as(stranger).delete(path() + "/" + task.getTaskId()).then().statusCode(404);
    }

    @Test
    void badInputAndMissingPermissionsAreProblems() {
        admin().body("{\"redact_secrets\":\"yes\"}").post(path()).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("redact_secrets must be true or false"));
        admin().body("{\"include_iggy\":").post(path()).then().statusCode(400).body("detail", containsString("not valid JSON"));
        admin().get(path() + "?page=0").then().statusCode(400);
        admin().get(path() + "?skip=0&limit=1").then().statusCode(200).body("items", hasSize(0));
        admin().get(path() + "/abc/download").then().statusCode(400);
        admin().get(path() + "/12345/download").then().statusCode(404);
        as(Api.keyWith(Permission.DEPLOYMENT_READ)).post(path()).then().statusCode(403);
        as(Api.keyWith(Permission.DEPLOYMENT_READ)).get(path()).then().statusCode(200);
        given().get(path()).then().statusCode(401);
    }

    @Test
    void anOmittedBodyMeansRedactedWithIggyData() throws InterruptedException {
        given().header("ld-api-key", Api.ADMIN_KEY).post(path()).then().statusCode(204);
        Task task = first.nextTask();
        assertThat(task.getSnapshot().getRedactSecrets()).isTrue();
        assertThat(task.getSnapshot().getIncludeIggy()).isTrue();
        admin().body(Map.of("redact_secrets", false, "include_iggy", false)).post("/deployments/" + deploymentId + "/snapshots")
                .then().statusCode(409);
    }

    private void takeAndFail() throws InterruptedException {
        admin().post(path()).then().statusCode(204);
        for (FakeWarden warden : List.of(first, second)) {
            Task task = warden.nextTask();
            warden.report(task.getTaskId(), TaskState.TASK_STATE_FAILED, "not this time");
            warden.awaitAck(task.getTaskId(), TaskState.TASK_STATE_FAILED);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(path() + "?results=100").then()
                .body("items.status", everyItem(equalTo("failed"))));
        Thread.sleep(1000); // names have second precision
    }

    private String path() {
        return "/deployments/" + deploymentId + "/snapshots";
    }

    private static SnapshotUploadReceipt upload(FakeWarden warden, long taskId, byte[] bundle, String declaredSha)
            throws IOException, InterruptedException {
        return SnapshotUploadClient.upload(warden.channel(), warden.nodeId(), warden.secret(), taskId,
                new ByteArrayInputStream(bundle), declaredSha);
    }

    static byte[] bundle(String report) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("report.html"));
            zip.write(("<html><body>" + report + "</body></html>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void setPlan(String plan) {
        QuarkusTransaction.requiringNew().run(() -> Tenant.update("plan = ?1", plan));
    }
}
