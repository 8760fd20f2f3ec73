package io.lodestar.supervisor.rollout;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.FreeText;
import io.lodestar.supervisor.common.FreeTextBound;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One node's place in a rollout: its batch, where it stands and why. */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "rollout_nodes")
public class RolloutNode extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "rollout_id")
    public long rolloutId;
    @Column(name = "node_id")
    public long nodeId;
    /** From 1. */
    public int batch;
    /** The node's order in the rollout, from 0. */
    public int position;
    @Enumerated(EnumType.STRING)
    public RolloutNodeState state;
    @FreeText
    @Column(length = 2000)
    public String message;
    @Column(name = "started_at")
    public Instant startedAt;
    /** When its action completed with the runtime healthy: the start of its health gate. */
    @Column(name = "healthy_at")
    public Instant healthyAt;
    /** When its health gate ends (healthy_at + min_healthy_time). */
    @Column(name = "gate_until")
    public Instant gateUntil;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
