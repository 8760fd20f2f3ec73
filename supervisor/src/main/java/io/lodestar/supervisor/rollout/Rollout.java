package io.lodestar.supervisor.rollout;

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

/** One action (or deployment job) rolled across a deployment's nodes, batch by batch; durable, so it resumes after a restart. */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "rollouts")
public class Rollout extends ScopedEntity {
    @Column(name = "deployment_id")
    public long deploymentId;
    /** The runtimes it acts on, space-separated (one for an API action, all of the deployment's for a job). */
    public String runtime;
    /** As the API shows it: start, stop, restart, reconfigure:{config_id}. */
    public String action;
    /** The operation type each node's operation gets (runtime_action, config_rollout, restart, scale, teardown, deploy). */
    public String job;
    /** The title of each node's operation. */
    @FreeText
    @Column(length = 200)
    public String title;
    @Enumerated(EnumType.STRING)
    public RolloutStrategy strategy;
    @Column(name = "max_concurrency")
    public int maxConcurrency;
    @Column(name = "max_errors")
    public int maxErrors;
    @Column(name = "min_healthy_ms")
    public long minHealthyMs;
    @Column(name = "quorum_wait_ms")
    public long quorumWaitMs;
    @Column(name = "delivery_timeout_ms")
    public long deliveryTimeoutMs;
    /** Null only for rollouts begun before execution timeouts existed (their tasks have none). */
    @Column(name = "execution_timeout_ms")
    public Long executionTimeoutMs;
    /** Whether the quorum guard applies (actions that take a node down and expect it back: restart, reconfigure). */
    @Column(name = "quorum_guard")
    public boolean quorumGuard;
    /** The API key (author) that started it. */
    @Column(name = "created_by")
    public long createdBy;
    @Enumerated(EnumType.STRING)
    public RolloutState state;
    /** Where it stands or why it ended, in words. */
    @FreeText
    @Column(length = 2000)
    public String message;
    /** Nodes whose action failed (rejected for a reason other than not having run). */
    public int failures;
    /** The batch now running, from 1. */
    @Column(name = "current_batch")
    public int currentBatch;
    public int batches;
    /** Since when the quorum guard holds the current batch; null when it does not. */
    @Column(name = "held_since")
    public Instant heldSince;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
