package io.lodestar.supervisor.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.quarkus.logging.Log;

/**
 * Runtime health from heartbeats: every heartbeat says whether each runtime answers its health check; the last word
 * per node and runtime is kept in memory (a write per heartbeat is what overloads a store), and only a change is
 * written ({@link RuntimeHealth}) and told ({@link RuntimeHealthChanged}), so the quorum guard and the health gates
 * of any replica read the same answer. A replica that restarts, or takes over a node's stream, writes the first
 * heartbeat it hears.
 */
@ApplicationScoped
public class RuntimeHealthReports {

    /** What one heartbeat said about one runtime's health. */
    public record Reported(RuntimeName runtime, boolean healthy, String detail) {
    }

    private record Key(long nodeId, RuntimeName runtime) {
    }

    private final Map<Key, Boolean> lastHeard = new ConcurrentHashMap<>();

    @Inject
    Event<RuntimeHealthChanged> changedEvents;

    @Inject
    Clock clock;

    /** The runtimes whose health this heartbeat changed (to record with {@link #record}); cheap, no database. */
    public List<Reported> offer(long nodeId, Heartbeat heartbeat) {
        List<Reported> changed = new ArrayList<>();
        for (RuntimeStatus status : heartbeat.getRuntimesList()) {
            if (status.getHealth() == RuntimeStatus.Health.HEALTH_UNSPECIFIED) {
                continue; // a Warden that does not check health says nothing about it
            }
            RuntimeName.fromProto(status.getRuntime()).ifPresent(runtime -> {
                boolean healthy = status.getHealth() == RuntimeStatus.Health.HEALTH_HEALTHY;
                Boolean before = lastHeard.put(new Key(nodeId, runtime), healthy);
                if (before == null || before != healthy) {
                    changed.add(new Reported(runtime, healthy, status.getHealthDetail()));
                }
            });
        }
        return changed;
    }

    /** Writes the changes and tells them; when that fails, the next heartbeat tries again. */
    public void record(long nodeId, List<Reported> changes) {
        try {
            write(nodeId, changes);
        } catch (RuntimeException e) {
            changes.forEach(change -> lastHeard.remove(new Key(nodeId, change.runtime())));
            throw e;
        }
    }

    /**
     * A runtime that exited on its own is unhealthy from that moment: its Warden says so at once, while the next
     * heartbeat may be seconds away, and the quorum guard must not count a node whose runtime just died as up.
     * Written in the transaction that recorded the exit, before anyone else hears of it.
     */
    void onRuntimeExited(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) RuntimeExited exited) {
        lastHeard.put(new Key(exited.nodeId(), exited.runtime()), false);
        write(exited.nodeId(), List.of(new Reported(exited.runtime(), false, exited.message())));
    }

    @Transactional
    void write(long nodeId, List<Reported> changes) {
        for (Reported change : changes) {
            RuntimeHealth row = RuntimeHealth.find("nodeId = ?1 and runtime = ?2", nodeId, change.runtime().wireName())
                    .firstResult();
            boolean fresh = row == null;
            if (fresh) {
                row = new RuntimeHealth();
                row.nodeId = nodeId;
                row.runtime = change.runtime().wireName();
            } else if (row.healthy == change.healthy()) {
                continue; // the store knew it already (heard before this replica restarted or took the stream over)
            }
            row.healthy = change.healthy();
            row.detail = change.detail();
            row.changedAt = clock.instant();
            if (fresh) {
                row.persist();
            }
            Log.infof("Node %d: %s is %s (%s)", nodeId, row.runtime, change.healthy() ? "healthy" : "unhealthy", row.detail);
            changedEvents.fire(new RuntimeHealthChanged(nodeId, change.runtime(), change.healthy(), row.detail, row.changedAt));
        }
    }

    /** Whether the node's runtime last reported healthy; null when its Warden never reported its health. */
    public static Boolean healthy(long nodeId, RuntimeName runtime) {
        RuntimeHealth row = RuntimeHealth.find("nodeId = ?1 and runtime = ?2", nodeId, runtime.wireName()).firstResult();
        return row == null ? null : row.healthy;
    }
}
