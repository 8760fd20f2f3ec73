package io.lodestar.supervisor.agent;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.lodestar.supervisor.tenancy.ScopedEntity;

/** A one-time token a Warden exchanges for its node identity; stored only as a hash. */
@Entity
@Table(name = "enrollment_tokens")
public class EnrollmentToken extends ScopedEntity {
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "author_id")
    public long authorId;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "agent_id")
    public Long agentId;
}
