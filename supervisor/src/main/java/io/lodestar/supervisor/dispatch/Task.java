package io.lodestar.supervisor.dispatch;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.FreeText;
import io.lodestar.supervisor.common.FreeTextBound;
import io.lodestar.supervisor.common.RecordedEntity;

/**
 * A unit of work for one node's Warden, written in the same transaction as the job it serves, so
 * nothing is lost between the API call and the node (an outbox). Delivery is at-least-once; the Warden
 * deduplicates by id.
 */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "tasks")
public class Task extends RecordedEntity {
    @Column(name = "node_id")
    public long nodeId;
    /** The link message's field in Task's kind oneof: runtime_action, snapshot, operation_kill. */
    public String kind;
    @Enumerated(EnumType.STRING)
    public TaskState state;
    @FreeText
    @Column(length = 2000)
    public String message;
    @Column(name = "deadline_at")
    public Instant deadlineAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /**
     * Tasks of one lane (a node's runtime: {@code runtime:IGGY}) reach the Warden one at a time, in
     * {@link #laneOrder}; null for kinds that are never held (snapshots, kills). See {@link TaskOrder}.
     */
    @Column(name = "order_lane")
    public String orderLane;
    /** Drawn from one database sequence when the API accepted the task: its place in its lane. */
    @Column(name = "lane_order")
    public Long laneOrder;
    /**
     * How long the Warden may take once it accepted the task (it enforces it); null for none. Once accepted, the
     * task's deadline moves to its acceptance plus this plus the report grace: the fallback for a silent Warden.
     */
    @Column(name = "execution_timeout_ms")
    public Long executionTimeoutMs;
    /** The kind's own message (a RuntimeAction, a SnapshotRequest, …) as sent, protobuf-encoded and base64. */
    public String request;
}
