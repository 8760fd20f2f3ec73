package io.lodestar.supervisor.agent;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.SupervisorConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Every replica, every lease renewal interval, takes offline the nodes whose holding replica is gone
 * ({@link AgentPresence#takeOfflineOrphans}): a node held by a replica that died goes offline about one
 * lease after that replica's last renewal, whichever replica is left. A node counts as silent when its
 * {@code last_seen_at} is older than twice the heartbeat TTL: its holder checkpoints it once per TTL.
 */
@ApplicationScoped
public class OrphanedNodeSweep {

    @Inject
    AgentPresence presence;

    @Inject
    SupervisorConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${supervisor.replica.renew-interval:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        presence.takeOfflineOrphans(clock.instant().minus(config.link().heartbeatTtl().multipliedBy(2)));
    }
}
