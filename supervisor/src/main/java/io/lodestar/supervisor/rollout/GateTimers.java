package io.lodestar.supervisor.rollout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.logging.Log;

/**
 * Wakes a rollout when one of its health gates ends, so the next batch starts on time rather than at the next sweep.
 * Only a shortcut: the timers live in memory, and {@link RolloutSweep} finds any gate whose time passed (after a
 * restart, or on another replica).
 */
@ApplicationScoped
class GateTimers {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rollout-gates");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    /** Once the caller's transaction commits, advances the rollout when {@code at} comes (nothing when null). */
    void afterCommit(long rolloutId, Instant at) {
        if (at == null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
                    timers.schedule(() -> wake(rolloutId), delay, TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    private static void wake(long rolloutId) {
        try {
            CDI.current().select(RolloutEngine.class).get().advance(rolloutId);
        } catch (RuntimeException e) {
            Log.warnf(e, "Rollout %d: the gate timer could not advance it; the sweep will", rolloutId);
        }
    }

    @PreDestroy
    void shutdown() {
        timers.shutdownNow();
    }
}
