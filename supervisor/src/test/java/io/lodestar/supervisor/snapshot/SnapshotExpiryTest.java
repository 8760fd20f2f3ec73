package io.lodestar.supervisor.snapshot;

import static io.lodestar.supervisor.Api.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.ControlledClock;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.storage.ObjectStore;
import io.lodestar.supervisor.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ControlledClock.Profile.class)
class SnapshotExpiryTest {

    @Inject
    ControlledClock clock;

    @Inject
    ObjectStore store;

    @Test
    void downloadUrlsExpireAndTheRetentionJobDeletesItemsAndArchivesPastThePlansRetention() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> Tenant.update("plan = ?1", "basic"));
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
                    new ByteArrayInputStream(SnapshotApiTest.bundle("kept a week")), null);
            warden.report(snapshotId, TaskState.TASK_STATE_SUCCEEDED, "uploaded");
            warden.awaitAck(snapshotId, TaskState.TASK_STATE_SUCCEEDED);
        }
        String item = "/deployments/" + deploymentId + "/snapshots/" + snapshotId;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(item).then().body("status", equalTo("completed")));
        String key = QuarkusTransaction.requiringNew().call(() -> Snapshot.<Snapshot>findById(snapshotId).objectKey);

        String url = admin().get(item + "/download").then().statusCode(200).extract().path("url");
        given().get(URI.create(url)).then().statusCode(200);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        given().get(URI.create(url)).then().statusCode(403).body("detail", containsString("expired"));
        String fresh = admin().get(item + "/download").then().statusCode(200).extract().path("url");
        given().get(URI.create(fresh)).then().statusCode(200);

        clock.advance(Duration.ofDays(6));
        Thread.sleep(1000); // several sweeps of the retention job
        admin().get(item).then().statusCode(200);
        assertThat(store.exists(key)).isTrue();

        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(item).then().statusCode(404));
        assertThat(store.exists(key)).as("the archive is deleted with its item").isFalse();
    }
}
