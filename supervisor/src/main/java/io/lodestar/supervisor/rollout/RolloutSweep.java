package io.lodestar.supervisor.rollout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The backstop of the event-driven rollouts: one sweep for all of them moves those the quorum guard holds (a node
 * may be healthy again), those whose health gate ended without their timer (a restart of the Supervisor), and those
 * with nothing in flight (resumed after a crash).
 */
@ApplicationScoped
class RolloutSweep {

    private static final int BATCH = 100;

    @Inject
    RolloutEngine engine;

    @Scheduled(every = "${supervisor.rollout.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        for (long rolloutId : engine.due(BATCH)) {
            try {
                engine.advance(rolloutId);
            } catch (RuntimeException e) {
                Log.warnf(e, "Rollout %d could not be advanced; trying again at the next sweep", rolloutId);
            }
        }
    }
}
