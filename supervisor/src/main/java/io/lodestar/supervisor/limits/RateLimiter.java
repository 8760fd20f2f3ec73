package io.lodestar.supervisor.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One token bucket per API key and {@link RateClass}, kept in this replica's memory: behind a load
 * balancer over N replicas a key gets up to N times the quota. A bucket is created full on a key's first
 * request of its class.
 */
@ApplicationScoped
public class RateLimiter {

    /** A request's place in its bucket; {@link #policy()} and {@link #current()} are the RateLimit fields' values. */
    public record Decision(RateClass rateClass, int quota, Duration window, TokenBucket.Take take) {

        public boolean allowed() {
            return take.allowed();
        }

        /** {@code "read";q=600;w=60}: the quota and its window in seconds (draft-ietf-httpapi-ratelimit-headers-10). */
        public String policy() {
            return "\"" + rateClass.wireName() + "\";q=" + quota + ";w=" + windowSeconds();
        }

        public long windowSeconds() {
            return Math.max(1, (window.toMillis() + 999) / 1000);
        }

        /** {@code "read";r=599;t=1}: requests left now, and seconds until the bucket is full again. */
        public String current() {
            return "\"" + rateClass.wireName() + "\";r=" + take.remaining() + ";t=" + take.resetSeconds();
        }
    }

    private record BucketKey(long apiKeyId, RateClass rateClass) {
    }

    @Inject
    LimitsConfig config;

    @Inject
    Clock clock;

    private final Map<BucketKey, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** Takes a token of the key's bucket for this class; empty when rate limiting is off. */
    public Optional<Decision> take(long apiKeyId, RateClass rateClass) {
        LimitsConfig.Rate rate = config.rate();
        if (!rate.enabled()) {
            return Optional.empty();
        }
        int quota = rateClass == RateClass.READ ? rate.readRequests() : rate.writeRequests();
        Duration window = rateClass == RateClass.READ ? rate.readWindow() : rate.writeWindow();
        long now = clock.millis();
        TokenBucket bucket = buckets.computeIfAbsent(new BucketKey(apiKeyId, rateClass),
                key -> new TokenBucket(quota, window.toMillis(), now));
        return Optional.of(new Decision(rateClass, quota, window, bucket.take(now)));
    }
}
