package io.lodestar.supervisor.tenancy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;

/**
 * The web console's sign-in sessions: an API key is exchanged once for a random session token, carried by
 * an HttpOnly cookie, so the key itself is never kept by the browser. A session stands for its key: every
 * request re-reads the key, so revoking it (or its expiry) ends the session at once. Sessions are rows of
 * {@code console_sessions} holding the token's SHA-256, so every replica accepts them and a restart keeps them.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "ld_session";
    /** The header a cookie-authenticated request that changes anything must carry, holding the session's CSRF token. */
    public static final String CSRF_HEADER = "ld-csrf";
    /**
     * A session's idle deadline is written again only once it would move by more than this: a page's many reads
     * cost one write a minute, not one each, and a session may end up to this much sooner than its idle time says.
     */
    static final Duration EXTEND_STEP = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in browser: the key it stands for, and the CSRF token it must echo on writes. */
    public record Session(String token, String csrf, long keyId, Instant signedInAt, Instant expiresAt) {
    }

    @Inject
    ApiKeyRepository keys;

    @Inject
    Clock clock;

    /** How long a session lasts without use; each authenticated request extends it, up to {@link #maxLifetime}. */
    @ConfigProperty(name = "supervisor.console.session-idle", defaultValue = "30m")
    Duration idle;

    @ConfigProperty(name = "supervisor.console.session-max", defaultValue = "12h")
    Duration maxLifetime;

    /** Signs in with a key as presented; empty when the key is unknown, revoked or expired. */
    @Transactional
    public Optional<Session> signIn(String presentedKey) {
        Instant now = clock.instant();
        return keys.findUsable(presentedKey.trim(), now).map(key -> {
            ConsoleSession row = new ConsoleSession();
            String token = random();
            row.tokenHash = Secrets.hash(token);
            row.csrfToken = random();
            row.keyId = key.id;
            row.signedInAt = now;
            row.expiresAt = now.plus(idle);
            row.persist();
            return new Session(token, row.csrfToken, key.id, now, row.expiresAt);
        });
    }

    /** The live session of this token, its idle deadline moved forward; an expired one is deleted. */
    @Transactional
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        ConsoleSession row = ConsoleSession.findById(Secrets.hash(token));
        if (row == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant cap = row.signedInAt.plus(maxLifetime);
        if (!row.expiresAt.isAfter(now) || !cap.isAfter(now)) {
            row.delete();
            return Optional.empty();
        }
        Instant extended = now.plus(idle).isBefore(cap) ? now.plus(idle) : cap;
        if (Duration.between(row.expiresAt, extended).compareTo(EXTEND_STEP) > 0) {
            row.expiresAt = extended;
        }
        return Optional.of(new Session(token, row.csrfToken, row.keyId, row.signedInAt, row.expiresAt));
    }

    /** The key a session stands for, if it is still usable. */
    @Transactional
    public Optional<ApiKey> keyOf(Session session) {
        return keys.findByIdOptional(session.keyId()).filter(key -> key.usableAt(clock.instant()));
    }

    @Transactional
    public void signOut(String token) {
        if (token != null && !token.isBlank()) {
            ConsoleSession.deleteById(Secrets.hash(token));
        }
    }

    /** Deletes sessions nobody used again before they ran out (any replica may; deleting twice is harmless). */
    @Scheduled(every = "5m", delayed = "5m")
    @Transactional
    void forgetExpired() {
        ConsoleSession.delete("expiresAt < ?1", clock.instant());
    }

    public Duration idle() {
        return idle;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
