package io.lodestar.supervisor.observe;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.protocol.v1.CertificateExpiry;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.supervisor.SupervisorConfig;

/**
 * The certificates each node linked to this replica last reported (heartbeats), with when each expires. In
 * memory only, like presence: a replica that restarts, or takes over a node, knows them again within one
 * heartbeat. Warnings are told once through the database ({@code event_conditions}), not through this map.
 */
@ApplicationScoped
public class NodeCertificates {

    @Inject
    SupervisorConfig config;

    @Inject
    Clock clock;

    private record Reported(List<CertificateExpiry> certificates, Instant at) {
    }

    private final Map<Long, Reported> reported = new ConcurrentHashMap<>();

    /** Called on the gRPC thread for every heartbeat; never blocks. */
    public void offer(long nodeId, Heartbeat heartbeat) {
        if (heartbeat.getCertificatesCount() > 0) {
            reported.put(nodeId, new Reported(List.copyOf(heartbeat.getCertificatesList()), clock.instant()));
        } else {
            reported.remove(nodeId);
        }
    }

    /**
     * Node id to its certificates, for the nodes that reported within the heartbeat TTL. An older report is
     * dropped: its node is linked to another replica now (or to none), and a replica holding a certificate the
     * node has since renewed would tell it again.
     */
    public Map<Long, List<CertificateExpiry>> current() {
        Instant oldest = clock.instant().minus(config.link().heartbeatTtl());
        reported.entrySet().removeIf(entry -> entry.getValue().at().isBefore(oldest));
        Map<Long, List<CertificateExpiry>> current = new HashMap<>();
        reported.forEach((node, report) -> current.put(node, report.certificates()));
        return current;
    }
}
