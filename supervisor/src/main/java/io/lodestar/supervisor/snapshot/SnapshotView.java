package io.lodestar.supervisor.snapshot;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** A snapshot item as seed 004 shows it, plus {@code size_bytes} and {@code message}. */
public record SnapshotView(
        long id,
        @JsonProperty("tenant_id") long tenantId,
        @JsonProperty("division_id") long divisionId,
        @JsonProperty("environment_id") long environmentId,
        @JsonProperty("deployment_id") long deploymentId,
        @JsonProperty("node_id") long nodeId,
        @JsonProperty("deployment_name") String deploymentName,
        String name,
        String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("size_bytes") Long sizeBytes,
        String message) {

    public static SnapshotView of(Snapshot snapshot) {
        return new SnapshotView(snapshot.id, snapshot.tenantId, snapshot.divisionId, snapshot.environmentId,
                snapshot.deploymentId, snapshot.nodeId, snapshot.deploymentName, snapshot.name,
                snapshot.status.wireName(), Times.format(snapshot.createdAt), Times.format(snapshot.completedAt),
                snapshot.sizeBytes, snapshot.message);
    }
}
