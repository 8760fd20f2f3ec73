package io.lodestar.supervisor.dispatch;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A unit of work for one node's Warden, written in the same transaction as the activity it serves, so
 * nothing is lost between the API call and the node (an outbox). Delivery is at-least-once; the Warden
 * deduplicates by id.
 */
@Entity
@Table(name = "tasks")
public class Task extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "node_id")
    public long nodeId;
    @Column(name = "activity_id")
    public Long activityId;
    /** runtime_action or snapshot; log fetches and kills come as further kinds. */
    public String kind;
    public String runtime;
    public String action;
    @Column(name = "config_id")
    public Long configId;
    /** For operation_kill: the task whose process is killed. */
    @Column(name = "target_task_id")
    public Long targetTaskId;
    @Enumerated(EnumType.STRING)
    public TaskState state;
    public String message;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "deadline_at")
    public Instant deadlineAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** The kind's own request (e.g. a SnapshotRequest), protobuf-encoded and base64, for kinds beyond runtime actions. */
    public String payload;
}
