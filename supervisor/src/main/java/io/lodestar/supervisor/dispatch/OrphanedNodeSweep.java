package io.lodestar.supervisor.dispatch;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.agent.AgentPresence;
import io.quarkus.scheduler.Scheduled;

/**
 * Every replica, every lease renewal interval, takes offline the nodes whose holding replica is gone
 * ({@link AgentPresence#takeOfflineOrphans}): a node held by a replica that died goes offline about one
 * lease after that replica's last renewal, whichever replica is left. A node counts as silent when its
 * {@code last_seen_at} is older than twice the heartbeat TTL: its holder checkpoints it once per TTL
 * ({@link HeartbeatCheckpoint}). That checkpoint is a database write, which a burst (a restart of a thousand
 * nodes) can hold back for longer than that margin; so a node whose stream this replica holds and has heard
 * within the TTL is never taken for silent here ({@link DispatchSweeper} closes it here once it is silent).
 */
@ApplicationScoped
public class OrphanedNodeSweep {

    @Inject
    AgentPresence presence;

    @Inject
    LinkSessions sessions;

    @Inject
    SupervisorConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${supervisor.replica.renew-interval:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = clock.instant();
        Instant heardSince = now.minus(config.link().heartbeatTtl());
        presence.takeOfflineOrphans(now.minus(config.link().heartbeatTtl().multipliedBy(2)),
                nodeId -> sessions.of(nodeId).map(session -> session.lastHeartbeat().isAfter(heardSince)).orElse(false));
    }
}
