package io.lodestar.supervisor.agent;

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

/** A node: a host running one Warden. Its id is the {@code node_id} of activities and snapshots. */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "agents")
public class Agent extends ScopedEntity {
    /** The size of {@code config_drift}, which the drift check compares against as stored. */
    public static final int CONFIG_DRIFT_LENGTH = 2000;

    @FreeText
    @Column(length = 255)
    public String hostname;
    @Column(name = "secret_hash")
    public String secretHash;
    @Enumerated(EnumType.STRING)
    public AgentState state;
    @FreeText
    @Column(name = "warden_version", length = 64)
    public String wardenVersion;
    @FreeText
    @Column(length = 128)
    public String os;
    @FreeText
    @Column(length = 32)
    public String arch;
    @Column(name = "cpu_count")
    public Integer cpuCount;
    @Column(name = "memory_bytes")
    public Long memoryBytes;
    /** Fencing token: bumped on every accepted stream; only the newest session may act. */
    @Column(name = "session_epoch")
    public long sessionEpoch;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    /** The replica holding the node's stream (its lease's holder, V10); its lease lapsing takes the node offline. */
    @Column(name = "held_by")
    public String heldBy;
    /** Set by DELETE /agents/{id}: the node's secret is refused from then on, by every replica. */
    @Column(name = "revoked_at")
    public Instant revokedAt;
    /** Its node's runtime state in its deployment (starting … stopped), or null when it never had one. */
    @Column(name = "runtime_state")
    public String runtimeState;
    /** What differs between the runtimes' config files on the node and the versions Lodestar applied; null when nothing does. */
    @FreeText
    @Column(name = "config_drift", length = CONFIG_DRIFT_LENGTH)
    public String configDrift;
    /** The first address its Warden reported (non-loopback, IPv4 first); null when it reported none. */
    @FreeText
    @Column(length = 255)
    public String address;
}
