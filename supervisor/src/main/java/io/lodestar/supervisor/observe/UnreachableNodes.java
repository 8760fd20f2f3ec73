package io.lodestar.supervisor.observe;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.lodestar.supervisor.agent.Agent;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Why a node's log cannot be read through this Supervisor, in words an operator can act on: its Warden is offline,
 * or it is linked to another replica that cannot relay (named by its id worker and host, from that replica's lease).
 * A node linked to another live replica that advertises its URL never gets here: {@link LogRelay} relays it.
 */
@ApplicationScoped
public class UnreachableNodes {

    private static final String WHEREABOUTS = "select a.state, a.last_seen_at, r.worker_id, r.host, r.advertised_url from agents a"
            + " left join supervisor_replicas r on r.holder = a.held_by and r.lease_until > current_timestamp where a.id = ?1";

    public String why(long node) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> Agent.getEntityManager().createNativeQuery(WHEREABOUTS)
                .setParameter(1, node).getResultList());
        String prefix = "The Warden on node " + node + " is not connected to this Supervisor: ";
        if (rows.isEmpty()) {
            return prefix + "there is no such node; no lines could be read.";
        }
        Object[] row = (Object[]) rows.get(0);
        if ("ONLINE".equals(row[0]) && row[2] != null && row[4] == null) {
            return prefix + "its link is held by another Supervisor replica (id worker " + row[2] + " on host " + row[3]
                    + ") that advertises no URL to relay log reads through (it runs a version from before the relay);"
                    + " ask that replica, or upgrade it. No lines could be read.";
        }
        String seen = row[1] == null ? "it has not connected yet" : "last seen " + row[1];
        return prefix + "the node is offline (" + seen + "); no lines could be read.";
    }
}
