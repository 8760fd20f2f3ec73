package io.lodestar.supervisor.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.common.DomainException;

/**
 * How many long-lived streams each API key holds open at once, per kind, on this replica: a key past its
 * share is refused (429) until it closes one. Log follows use it; any later stream takes a kind of its own.
 */
@ApplicationScoped
public class StreamPermits {

    /** One open stream; releasing it twice counts once. */
    public interface Permit {
        void release();
    }

    private record Holder(long apiKeyId, String kind) {
    }

    @Inject
    LimitsConfig config;

    private final Map<Holder, Integer> open = new ConcurrentHashMap<>();

    /** A permit for one log follow of this key. */
    public Permit logFollow(long apiKeyId) {
        return acquire(apiKeyId, "log follows", config.logFollowsPerKey());
    }

    /** Takes one of the key's {@code max} permits of this kind, or refuses with a 429 naming the limit. */
    public Permit acquire(long apiKeyId, String kind, int max) {
        Holder holder = new Holder(apiKeyId, kind);
        AtomicBoolean granted = new AtomicBoolean();
        open.compute(holder, (h, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            granted.set(true);
            return now + 1;
        });
        if (!granted.get()) {
            throw new DomainException.TooManyRequests("This API key already holds " + max + " open " + kind
                    + ", the most one key may; close one (end its connection) and try again.");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(holder, (h, count) -> count <= 1 ? null : count - 1);
            }
        };
    }
}
