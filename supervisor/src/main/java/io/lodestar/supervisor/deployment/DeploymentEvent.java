package io.lodestar.supervisor.deployment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.FreeText;
import io.lodestar.supervisor.common.FreeTextBound;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.tenancy.ScopedEntity;

/** One entry of a deployment's lifecycle history; written only by {@link DeploymentLifecycle}. */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "deployment_events")
public class DeploymentEvent extends ScopedEntity {
    @Column(name = "deployment_id")
    public long deploymentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    public DeploymentEventType eventType;
    /** The deployment's status after this event. */
    @Enumerated(EnumType.STRING)
    public DeploymentStatus status;
    @FreeText
    @Column(length = 2000)
    public String message;
    @Column(name = "node_id")
    public Long nodeId;
    @Column(name = "author_id")
    public Long authorId;
}
