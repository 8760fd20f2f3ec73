package io.lodestar.supervisor.agent;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.FreeText;
import io.lodestar.supervisor.common.FreeTextBound;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A node's runtime health as its Warden's heartbeats last reported it: whether the runtime answered its health check.
 * Written only when it changes; no row means the Warden never reported it (one older than health reports).
 */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "runtime_health")
@IdClass(RuntimeHealth.Key.class)
public class RuntimeHealth extends PanacheEntityBase {
    @Id
    @Column(name = "node_id")
    public long nodeId;
    /** The runtime's wire name: iggy, connectors. */
    @Id
    public String runtime;
    public boolean healthy;
    /** The health check's answer in a few words ("HTTP 503", "not running"). */
    @FreeText
    @Column(length = 500)
    public String detail;
    /** When the Supervisor heard the change. */
    @Column(name = "changed_at")
    public Instant changedAt;

    /** The row's key: one node's one runtime. */
    public static class Key implements Serializable {
        public long nodeId;
        public String runtime;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.nodeId == nodeId && Objects.equals(key.runtime, runtime);
        }

        @Override
        public int hashCode() {
            return Objects.hash(nodeId, runtime);
        }
    }
}
