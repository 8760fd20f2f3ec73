package io.lodestar.supervisor.limits;

/**
 * A token bucket of {@code capacity} tokens refilled evenly over {@code windowMillis}: a burst of up to
 * {@code capacity} requests, then one per {@code windowMillis / capacity}. Time comes from the caller, so
 * tests need no sleeping.
 */
final class TokenBucket {

    /** What one attempt got: whether it may go on, what is left, and the waits (whole seconds, rounded up). */
    record Take(boolean allowed, long remaining, long retryAfterSeconds, long resetSeconds) {
    }

    private final int capacity;
    private final double tokensPerMilli;
    private double tokens;
    private long lastMillis;

    TokenBucket(int capacity, long windowMillis, long nowMillis) {
        if (capacity < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per window of at least 1ms");
        }
        this.capacity = capacity;
        this.tokensPerMilli = (double) capacity / windowMillis;
        this.tokens = capacity;
        this.lastMillis = nowMillis;
    }

    synchronized Take take(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(capacity, tokens + (nowMillis - lastMillis) * tokensPerMilli);
            lastMillis = nowMillis;
        }
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long retryAfter = allowed ? 0 : seconds((1 - tokens) / tokensPerMilli);
        return new Take(allowed, (long) Math.floor(tokens), Math.max(allowed ? 0 : 1, retryAfter),
                seconds((capacity - tokens) / tokensPerMilli));
    }

    private static long seconds(double millis) {
        return (long) Math.ceil(millis / 1000.0);
    }
}
