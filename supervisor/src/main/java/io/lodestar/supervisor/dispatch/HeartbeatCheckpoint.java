package io.lodestar.supervisor.dispatch;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.agent.AgentPresence;
import io.quarkus.scheduler.Scheduled;

/**
 * Copies the last heartbeat of each stream held here into the agent's {@code last_seen_at}, once per
 * heartbeat TTL rather than per heartbeat: any replica's {@code GET /agents/{id}} then shows when the
 * node was last heard from, without a write per heartbeat.
 */
@ApplicationScoped
public class HeartbeatCheckpoint {

    @Inject
    LinkSessions sessions;

    @Inject
    AgentPresence presence;

    @Scheduled(every = "${supervisor.link.heartbeat-ttl:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkpoint() {
        List<AgentPresence.Heard> heard = sessions.all().stream()
                .map(session -> new AgentPresence.Heard(session.nodeId(), session.epoch(), session.lastHeartbeat()))
                .toList();
        if (!heard.isEmpty()) {
            presence.recordHeard(heard);
        }
    }
}
