package io.lodestar.supervisor.tenancy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;

/**
 * The web console's sign-in sessions: an API key is exchanged once for a random session token, carried by
 * an HttpOnly cookie, so the key itself is never kept by the browser. A session stands for its key: every
 * request re-reads the key, so revoking it (or its expiry) ends the session at once. Sessions live in this
 * replica's memory (a restart signs everyone out; behind a load balancer, use sticky sessions).
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "ld_session";
    /** The header a cookie-authenticated request that changes anything must carry, holding the session's CSRF token. */
    public static final String CSRF_HEADER = "ld-csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in browser: the key it stands for, and the CSRF token it must echo on writes. */
    public record Session(String token, String csrf, long keyId, Instant signedInAt, Instant expiresAt) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

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
            Session session = new Session(random(), random(), key.id, now, now.plus(idle));
            sessions.put(session.token(), session);
            return session;
        });
    }

    /** The live session of this token, its idle deadline moved forward; expired ones are forgotten. */
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session found = sessions.computeIfPresent(token, (t, session) -> {
            if (!session.expiresAt().isAfter(now) || !session.signedInAt().plus(maxLifetime).isAfter(now)) {
                return null;
            }
            Instant extended = now.plus(idle);
            Instant cap = session.signedInAt().plus(maxLifetime);
            return new Session(t, session.csrf(), session.keyId(), session.signedInAt(), extended.isBefore(cap) ? extended : cap);
        });
        return Optional.ofNullable(found);
    }

    /** The key a session stands for, if it is still usable. */
    @Transactional
    public Optional<ApiKey> keyOf(Session session) {
        return keys.findByIdOptional(session.keyId()).filter(key -> key.usableAt(clock.instant()));
    }

    public void signOut(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** Forgets sessions nobody used again before they ran out. */
    @Scheduled(every = "5m", delayed = "5m")
    void forgetExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.expiresAt().isAfter(now));
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
