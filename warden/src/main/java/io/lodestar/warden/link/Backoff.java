package io.lodestar.warden.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th delay is uniform in
 * {@code [0, min(max, initial * 2^n)]}, so Wardens that lost the same Supervisor spread their
 * attempts instead of arriving together.
 */
public final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got initial " + initial + ", max " + max);
        }
        this.initialMs = initial.toMillis();
        this.maxMs = max.toMillis();
        this.random = random;
    }

    public synchronized Duration next() {
        long ceiling = ceiling(attempt);
        if (ceiling < maxMs) {
            attempt++;
        }
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** The upper bound of the next delay. */
    public synchronized long nextCeilingMs() {
        return ceiling(attempt);
    }

    /** After a successful session: the next delay is small again. */
    public synchronized void reset() {
        attempt = 0;
    }

    private long ceiling(int n) {
        if (n >= 62 || initialMs > (maxMs >> n)) {
            return maxMs;
        }
        return Math.min(maxMs, initialMs << n);
    }
}
