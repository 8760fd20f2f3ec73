package io.lodestar.supervisor.dispatch;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.agent.AgentPresence;
import io.quarkus.scheduler.Scheduled;

/**
 * Copies the last heartbeat of each stream held here into the agent's {@code last_seen_at}, once per
 * heartbeat TTL rather than per heartbeat: any replica's {@code GET /agents/{id}} then shows when the
 * node was last heard from, without a write per heartbeat. Written in node id order (the order every writer of many
 * agent rows takes them in) and in chunks of {@value #CHUNK} nodes, each its own transaction: a request that places
 * a deployment on a thousand nodes waits for one chunk's locks, not for the whole fleet's checkpoint.
 */
@ApplicationScoped
public class HeartbeatCheckpoint {

    static final int CHUNK = 500;

    @Inject
    LinkSessions sessions;

    @Inject
    AgentPresence presence;

    @Scheduled(every = "${supervisor.link.heartbeat-ttl:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkpoint() {
        List<AgentPresence.Heard> heard = sessions.all().stream()
                .map(session -> new AgentPresence.Heard(session.nodeId(), session.epoch(), session.lastHeartbeat()))
                .sorted(Comparator.comparingLong(AgentPresence.Heard::nodeId))
                .toList();
        for (int from = 0; from < heard.size(); from += CHUNK) {
            presence.recordHeard(heard.subList(from, Math.min(heard.size(), from + CHUNK)));
        }
    }
}
