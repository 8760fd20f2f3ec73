package io.lodestar.supervisor.common;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


/**
 * 64-bit time-ordered ids (snowflake style): 41 bits of milliseconds since 2020-01-01, 10 bits of
 * worker id, 12 bits of sequence. Time-ordered ids let every list sort by id instead of by time and
 * keep ids unique across Supervisor replicas: each replica leases its own worker id from the database
 * ({@link WorkerIdLease}) and issues no id while it is not sure it still holds it.
 */
@ApplicationScoped
public class Ids {

    static final long EPOCH_MS = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    private static final int WORKER_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final IntSupplier worker;
    private final BooleanSupplier held;
    private long lastMillis = -1;
    private long sequence;

    @Inject
    public Ids(WorkerIdLease lease, Clock clock) {
        this.worker = lease::workerId;
        this.held = lease::held;
        this.clock = clock;
    }

    Ids(int worker, Clock clock) {
        if (worker < 0 || worker >= WorkerIdLease.WORKERS) {
            throw new IllegalArgumentException("an id worker must be between 0 and 1023, got " + worker);
        }
        this.worker = () -> worker;
        this.held = () -> true;
        this.clock = clock;
    }

    public synchronized long next() {
        if (!held.getAsBoolean()) {
            throw new IllegalStateException("This Supervisor's lease on its id worker lapsed without a renewal"
                    + " (database unreachable?); no id is issued until it is renewed");
        }
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
        return ((now - EPOCH_MS) << (WORKER_BITS + SEQUENCE_BITS)) | ((long) worker.getAsInt() << SEQUENCE_BITS) | sequence;
    }
}
