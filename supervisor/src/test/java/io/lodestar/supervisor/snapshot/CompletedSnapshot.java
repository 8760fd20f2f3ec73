package io.lodestar.supervisor.snapshot;

import static io.lodestar.supervisor.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A snapshot taken end to end on a one-node deployment "events-prod": a Warden starts the deployment,
 * receives the snapshot task, uploads {@code bundle} over the link and reports success; the item is
 * awaited until it is completed.
 *
 * @param item      the item's API path
 * @param objectKey where its archive is stored in the object store
 */
record CompletedSnapshot(String item, String objectKey) {

    static CompletedSnapshot take(byte[] bundle) throws IOException, InterruptedException {
        long deploymentId;
        long snapshotId;
        try (FakeWarden warden = Api.connectedWarden().beating(300)) {
            deploymentId = Api.deployment("events-prod", List.of(warden.nodeId()));
            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
            admin().post("/deployments/" + deploymentId + "/snapshots").then().statusCode(204);
            snapshotId = warden.nextTask().getTaskId();
            SnapshotUploadClient.upload(warden.channel(), warden.nodeId(), warden.secret(), snapshotId,
                    new ByteArrayInputStream(bundle), null);
            warden.report(snapshotId, TaskState.TASK_STATE_SUCCEEDED, "uploaded");
            warden.awaitAck(snapshotId, TaskState.TASK_STATE_SUCCEEDED);
        }
        String item = "/deployments/" + deploymentId + "/snapshots/" + snapshotId;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(item).then().body("status", equalTo("completed")));
        String key = QuarkusTransaction.requiringNew().call(() -> Snapshot.<Snapshot>findById(snapshotId).objectKey);
        return new CompletedSnapshot(item, key);
    }
}
