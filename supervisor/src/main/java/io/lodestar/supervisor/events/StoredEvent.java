package io.lodestar.supervisor.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.RecordedEntity;

/**
 * One row of the append-only event log. Written with {@code seq} null in the transaction that caused it;
 * {@link EventSequencer} gives it its stream position once it is committed. Never updated otherwise.
 */
@Entity
@Table(name = "events")
public class StoredEvent extends RecordedEntity {
    public Long seq;
    @Column(name = "tenant_id")
    public long tenantId;
    @Column(name = "deployment_id")
    public Long deploymentId;
    @Column(name = "node_id")
    public Long nodeId;
    public String type;
    /** The event's own fields, a JSON object; {@link EventLog} fits it to the column, cutting its texts. */
    public String data;
}
