package io.lodestar.supervisor.observe;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.lodestar.protocol.v1.CertificateExpiry;
import io.lodestar.protocol.v1.Heartbeat;

/**
 * The certificates each node linked to this replica last reported (heartbeats), with when each expires. In
 * memory only, like presence: a replica that restarts, or takes over a node, knows them again within one
 * heartbeat. Warnings are told once through the database ({@code event_conditions}), not through this map.
 */
@ApplicationScoped
public class NodeCertificates {

    private final Map<Long, List<CertificateExpiry>> reported = new ConcurrentHashMap<>();

    /** Called on the gRPC thread for every heartbeat; never blocks. */
    public void offer(long nodeId, Heartbeat heartbeat) {
        if (heartbeat.getCertificatesCount() > 0) {
            reported.put(nodeId, List.copyOf(heartbeat.getCertificatesList()));
        } else {
            reported.remove(nodeId);
        }
    }

    /** Node id to its certificates, as last reported. */
    public Map<Long, List<CertificateExpiry>> all() {
        return Map.copyOf(reported);
    }
}
