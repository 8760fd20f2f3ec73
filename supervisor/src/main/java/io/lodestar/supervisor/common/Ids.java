package io.lodestar.supervisor.common;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.SupervisorConfig;

/**
 * 64-bit time-ordered ids (snowflake style): 41 bits of milliseconds since 2020-01-01, 10 bits of
 * worker id, 12 bits of sequence. Time-ordered ids let every list sort by id instead of by time and
 * keep ids unique across Supervisor replicas as long as each replica has its own worker id.
 */
@ApplicationScoped
public class Ids {

    static final long EPOCH_MS = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    private static final int WORKER_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final long worker;
    private long lastMillis = -1;
    private long sequence;

    @Inject
    public Ids(SupervisorConfig config, Clock clock) {
        this(config.idWorker(), clock);
    }

    Ids(int worker, Clock clock) {
        if (worker < 0 || worker >= (1 << WORKER_BITS)) {
            throw new IllegalArgumentException("supervisor.id-worker must be between 0 and 1023, got " + worker);
        }
        this.worker = worker;
        this.clock = clock;
    }

    public synchronized long next() {
        long now = Math.max(clock.millis(), lastMillis);
        if (now == lastMillis) {
            sequence = (sequence + 1) & MAX_SEQUENCE;
            if (sequence == 0) {
                now = lastMillis + 1; // borrow the next millisecond rather than spin on the clock
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH_MS) << (WORKER_BITS + SEQUENCE_BITS)) | (worker << SEQUENCE_BITS) | sequence;
    }
}
