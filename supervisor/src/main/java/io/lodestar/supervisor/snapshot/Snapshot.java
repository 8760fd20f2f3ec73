package io.lodestar.supervisor.snapshot;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.FreeText;
import io.lodestar.supervisor.common.FreeTextBound;
import io.lodestar.supervisor.tenancy.ScopedEntity;

/** One node's part of a snapshot: the item the API lists, and where its archive is stored once uploaded. */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "snapshots")
public class Snapshot extends ScopedEntity {
    @Column(name = "deployment_id")
    public long deploymentId;
    @Column(name = "node_id")
    public long nodeId;
    @Column(name = "deployment_name")
    public String deploymentName;
    /** snapshot-YYYYMMDD-HHMMSS, the same on every node of one snapshot. */
    public String name;
    @Enumerated(EnumType.STRING)
    public SnapshotStatus status;
    @Column(name = "redact_secrets")
    public boolean redactSecrets;
    @Column(name = "include_iggy")
    public boolean includeIggy;
    /** The deployment's id while processing, null after: unique per node, so only one snapshot runs at a time. */
    @Column(name = "in_progress_deployment_id")
    public Long inProgressDeploymentId;
    /** Set once the archive is stored and its checksum verified. */
    @Column(name = "object_key")
    public String objectKey;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    public String sha256;
    @FreeText
    @Column(length = 2000)
    public String message;
    @Column(name = "completed_at")
    public Instant completedAt;
}
