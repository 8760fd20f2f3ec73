package io.lodestar.supervisor.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.grpc.Status;
import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.agent.AgentPresence;
import io.lodestar.supervisor.common.LogContext;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The periodic side of dispatch: closes the streams of Wardens silent past the heartbeat TTL, re-pushes
 * tasks whose push may have been missed (written by another replica, or sent as the stream broke), and
 * rejects tasks past their deadline.
 */
@ApplicationScoped
public class DispatchSweeper {

    private static final int BATCH = 500;
    private static final int MAX_REPUSH_INTERVALS = 30;

    /** Touched only by the sweep, which never runs twice at once. */
    private Map<Long, Repush> repushed = new HashMap<>();

    @Inject
    SupervisorConfig config;

    @Inject
    LinkSessions sessions;

    @Inject
    TaskService tasks;

    @Inject
    AgentPresence presence;

    @Inject
    Clock clock;

    @Scheduled(every = "${supervisor.dispatch.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = clock.instant();
        closeSilentSessions(now);
        repushUnaccepted(now);
        int expired = tasks.expireOverdue(BATCH);
        if (expired > 0) {
            Log.infof("Rejected %d task(s) past their dispatch deadline", expired);
        }
    }

    private void closeSilentSessions(Instant now) {
        Instant cutoff = now.minus(config.link().heartbeatTtl());
        for (WardenSession session : sessions.all()) {
            if (session.lastHeartbeat().isBefore(cutoff)) {
                // Offline first, then the stream's end: whoever sees the end sees the node offline.
                if (sessions.unregister(session)) {
                    try (LogContext.Scope node = LogContext.put(LogContext.NODE_ID, session.nodeId())) {
                        presence.disconnect(session.nodeId(), session.epoch(), "no heartbeat within the TTL");
                    }
                }
                session.closeWithError(Status.DEADLINE_EXCEEDED.withDescription("No heartbeat within the TTL of "
                        + config.link().heartbeatTtl() + "; reconnect."));
            }
        }
    }

    /**
     * Pending tasks of nodes held here that are at least one sweep interval old: a push after commit or a
     * wake-up normally delivered them already, so each is re-pushed at most once per its own back-off
     * (one interval, then doubling up to {@link #MAX_REPUSH_INTERVALS}), not on every sweep.
     */
    private void repushUnaccepted(Instant now) {
        Duration interval = config.dispatch().sweepInterval();
        Map<Long, Repush> next = new HashMap<>();
        for (Task task : tasks.unaccepted(sessions.connectedNodes(), now.minus(interval), BATCH)) {
            Repush last = repushed.get(task.id);
            if (last != null && now.isBefore(last.due())) {
                next.put(task.id, last);
                continue;
            }
            int intervals = last == null ? 1 : Math.min(last.intervals() * 2, MAX_REPUSH_INTERVALS);
            sessions.push(task.nodeId, TaskMessages.toProto(task));
            next.put(task.id, new Repush(now.plus(interval.multipliedBy(intervals)), intervals));
        }
        repushed = next; // tasks no longer pending drop out
    }

    /** When a task may be re-pushed again, and the back-off (in sweep intervals) that set it. */
    private record Repush(Instant due, int intervals) {
    }
}
