package io.lodestar.supervisor.observe;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.supervisor.SupervisorConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the newest heartbeat of each node linked to this replica and writes them as one point per node
 * every {@code metrics-interval}: a write per heartbeat (every 5 s from every node) is what would
 * overload the store. At most one interval of points is lost if the replica stops; each replica writes
 * the nodes it holds, so replicas never write the same node.
 */
@ApplicationScoped
public class MetricsRecorder {

    @Inject
    MetricsStore store;

    @Inject
    SupervisorConfig config;

    @Inject
    Clock clock;

    private final Map<Long, Heartbeat> latest = new ConcurrentHashMap<>();
    /** Iggy's own view from each node's newest heartbeat: kept, not flushed (only the latest is shown). */
    private final Map<Long, IggyNodeView> iggy = new ConcurrentHashMap<>();

    /** Called on the gRPC thread for every heartbeat; never blocks. */
    public void offer(long nodeId, Heartbeat heartbeat) {
        if (heartbeat.hasHostMetrics() || heartbeat.getRuntimesCount() > 0) {
            latest.put(nodeId, heartbeat);
        }
        IggyNodeView.of(heartbeat).ifPresent(view -> iggy.put(nodeId, view));
    }

    /** What the node's runtimes last said about themselves, if its Warden reported since this Supervisor started. */
    public IggyNodeView iggy(long nodeId) {
        return iggy.get(nodeId);
    }

    @Scheduled(every = "${supervisor.observe.metrics-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        Map<Long, Heartbeat> taken = new HashMap<>();
        for (Long node : latest.keySet()) {
            Heartbeat heartbeat = latest.remove(node);
            if (heartbeat != null) {
                taken.put(node, heartbeat);
            }
        }
        store.write(clock.instant(), Math.max(1, config.observe().metricsInterval().toSeconds()), taken);
    }

    @Scheduled(every = "15m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rollUp() {
        try {
            store.rollUp(clock.instant(), config.observe().minutePointsRetention(), config.observe().rollupRetention());
        } catch (RuntimeException e) {
            // Replicas roll up on their own schedules; when two race, one commits and the other rolls back
            // and finds nothing left to do next time.
            Log.infof("Metrics rollup skipped this time: %s", e.getMessage());
        }
    }
}
