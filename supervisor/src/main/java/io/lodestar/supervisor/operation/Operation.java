package io.lodestar.supervisor.operation;

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

/** One deployment-level job on one agent: the tasks it runs there, their outcome and its log. */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "operations")
public class Operation extends ScopedEntity {
    @Column(name = "deployment_id")
    public long deploymentId;
    @Column(name = "agent_id")
    public long agentId;
    @Enumerated(EnumType.STRING)
    public OperationType type;
    @FreeText
    @Column(length = 200)
    public String title;
    @FreeText
    @Column(length = 2000)
    public String description;
    @Enumerated(EnumType.STRING)
    public OperationStatus status;
    /** The runtime process the operation's work runs as on the agent, once the Warden reported it. */
    public Long pid;
    /** The operation this one rolled back. */
    @Column(name = "rollback_of")
    public Long rollbackOf;
    /** Why it ended as it did. */
    @FreeText
    @Column(length = 2000)
    public String message;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
