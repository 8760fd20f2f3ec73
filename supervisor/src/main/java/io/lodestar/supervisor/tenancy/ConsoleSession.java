package io.lodestar.supervisor.tenancy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored console session (see {@link ConsoleSessions}): the token's SHA-256, never the token. */
@Entity
@Table(name = "console_sessions")
public class ConsoleSession extends PanacheEntityBase {
    @Id
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "csrf_token")
    public String csrfToken;
    @Column(name = "key_id")
    public long keyId;
    @Column(name = "signed_in_at")
    public Instant signedInAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
