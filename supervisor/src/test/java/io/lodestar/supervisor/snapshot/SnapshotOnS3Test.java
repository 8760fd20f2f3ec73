package io.lodestar.supervisor.snapshot;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.storage.ObjectStore;
import io.lodestar.supervisor.storage.S3StoreProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole snapshot path with an S3-compatible object store configured: the download is the store's presigned URL. */
@QuarkusTest
@TestProfile(S3StoreProfile.class)
class SnapshotOnS3Test {

    @Inject
    ObjectStore store;

    @Test
    void anUploadLandsInTheBucketDownloadsThroughItsPresignedUrlAndIsDeletedFromIt() throws Exception {
        byte[] bundle = SnapshotApiTest.bundle("stored in S3");
        long deploymentId;
        long snapshotId;
        try (FakeWarden warden = Api.connectedWarden().beating(300)) {
            deploymentId = Api.deployment("events-prod", List.of(warden.nodeId()));
            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
            admin().post("/deployments/" + deploymentId + "/snapshots").then().statusCode(204);
            Task task = warden.nextTask();
            snapshotId = task.getTaskId();
            SnapshotUploadClient.upload(warden.channel(), warden.nodeId(), warden.secret(), snapshotId,
                    new ByteArrayInputStream(bundle), null);
            warden.report(snapshotId, TaskState.TASK_STATE_SUCCEEDED, "uploaded");
            warden.awaitAck(snapshotId, TaskState.TASK_STATE_SUCCEEDED);
        }
        String item = "/deployments/" + deploymentId + "/snapshots/" + snapshotId;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(item).then().body("status", equalTo("completed")));

        String url = admin().get(item + "/download").then().statusCode(200).extract().path("url");
        assertThat(url).contains("/" + "lodestar-e2e/").contains("X-Amz-Signature=");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bundle);

        String key = QuarkusTransaction.requiringNew().call(() -> Snapshot.<Snapshot>findById(snapshotId).objectKey);
        assertThat(store.exists(key)).isTrue();
        admin().delete(item).then().statusCode(204);
        assertThat(store.exists(key)).isFalse();
    }
}
