package io.lodestar.supervisor.dispatch;

import java.time.Clock;
import java.time.Instant;

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

    private void repushUnaccepted(Instant now) {
        Instant before = now.minus(config.dispatch().sweepInterval().multipliedBy(2));
        for (Task task : tasks.unaccepted(sessions.connectedNodes(), before, BATCH)) {
            sessions.push(task.nodeId, TaskMessages.toProto(task));
        }
    }
}
