package io.lodestar.supervisor.events;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.agent.AgentState;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * What no single request causes: conditions seen by looking (a node offline too long, a disk filling up, a
 * certificate expiring), each told once until it clears ({@link EventConditions}), and the deletion of events
 * past retention.
 */
@ApplicationScoped
public class EventSweeps {

    @Inject
    EventsConfig config;

    @Inject
    EventLog log;

    @Inject
    EventSequencer sequencer;

    @Inject
    EntityManager entityManager;

    @Inject
    EventConditions conditions;

    @Inject
    CertificateExpiryWatch certificates;

    @Inject
    Clock clock;

    @Scheduled(every = "${supervisor.events.sweep-interval:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            conditions();
            sequencer.prune(clock.instant().minus(config.retention()));
        } catch (RuntimeException e) {
            // Replicas sweep on their own schedules; when two raise the same condition, one commits and the other rolls back.
            Log.infof("Event sweep skipped this time: %s", e.getMessage());
        }
    }

    @Transactional
    void conditions() {
        Instant now = clock.instant();
        List<Agent> offline = Agent.list("state = ?1 and revokedAt is null and lastSeenAt < ?2", AgentState.OFFLINE,
                now.minus(config.nodeUnreachableAfter()));
        for (Agent agent : offline) {
            if (conditions.raise("node:" + agent.id, "unreachable", now)) {
                Map<String, Object> data = EventRecorder.node(agent, "No heartbeat from node " + agent.id + " since "
                        + agent.lastSeenAt + " (more than " + config.nodeUnreachableAfter() + ").");
                data.put("last_seen_at", io.lodestar.supervisor.common.Times.format(agent.lastSeenAt));
                log.append(agent.tenantId, null, agent.id, EventType.NODE_UNREACHABLE, data);
            }
        }
        entityManager.createNativeQuery("delete from event_conditions where condition = 'unreachable' and subject in"
                + " (select concat('node:', cast(id as varchar(30))) from agents where state = 'ONLINE')").executeUpdate();
        disks(now);
        certificates.look(now);
    }

    @SuppressWarnings("unchecked")
    private void disks(Instant now) {
        List<Object[]> latest = entityManager.createNativeQuery("select p.node_id, p.disk_used_bytes, p.disk_total_bytes"
                + " from node_metric_points p where p.resolution_s = 60 and p.disk_total_bytes > 0 and p.bucket_s ="
                + " (select max(q.bucket_s) from node_metric_points q where q.node_id = p.node_id and q.resolution_s = 60)")
                .getResultList();
        for (Object[] row : latest) {
            long nodeId = ((Number) row[0]).longValue();
            long used = ((Number) row[1]).longValue();
            long total = ((Number) row[2]).longValue();
            double ratio = (double) used / total;
            String subject = "node:" + nodeId;
            if (ratio < config.diskFullRatio()) {
                conditions.clear(subject, "disk_filling");
            } else if (conditions.raise(subject, "disk_filling", now)) {
                Agent agent = Agent.findById(nodeId);
                Map<String, Object> data = new LinkedHashMap<>(EventRecorder.node(agent, String.format(
                        "The disk of node %d is %.0f%% full, at or past the %.0f%% threshold.", nodeId, ratio * 100,
                        config.diskFullRatio() * 100)));
                data.put("disk_used_bytes", used);
                data.put("disk_total_bytes", total);
                log.append(agent.tenantId, null, nodeId, EventType.NODE_DISK_FILLING, data);
            }
        }
    }
}
