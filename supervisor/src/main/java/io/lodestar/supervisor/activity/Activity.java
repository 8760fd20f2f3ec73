package io.lodestar.supervisor.activity;

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

/** One runtime action on one node. */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "activities")
public class Activity extends ScopedEntity {
    @Column(name = "deployment_id")
    public long deploymentId;
    @Column(name = "author_id")
    public long authorId;
    public String runtime;
    /** As the API shows it: start, stop, restart, reconfigure:{config_id}. */
    public String action;
    @Column(name = "node_id")
    public long nodeId;
    @Enumerated(EnumType.STRING)
    public ActivityStatus status;
    /** Why it ended as it did, in the Warden's or the Supervisor's words. */
    @FreeText
    @Column(length = 2000)
    public String message;
    /** Why it was rejected, for machines; null while processing and when completed. */
    @Enumerated(EnumType.STRING)
    public ActivityReason reason;
    /** The rollout that runs it, when it is part of one. */
    @Column(name = "rollout_id")
    public Long rolloutId;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
