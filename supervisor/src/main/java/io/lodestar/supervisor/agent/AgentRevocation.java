package io.lodestar.supervisor.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.lodestar.supervisor.common.DomainException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Deletes a node: revokes its identity in the database (so no replica accepts its secret again) and fences any
 * stream it still has by bumping its session epoch. {@link AgentRevoked} tells dispatch, which rejects the node's
 * open tasks in the same transaction and closes its stream here once it commits; a stream open on another
 * replica is closed by that replica's {@code SessionFence} within a sweep.
 */
@ApplicationScoped
public class AgentRevocation {

    @Inject
    AgentService agents;

    @Inject
    Event<AgentRevoked> revokedEvents;

    @Inject
    AgentPresence presence;

    public void revoke(long tenantId, long agentId) {
        QuarkusTransaction.requiringNew().run(() -> {
            agents.get(tenantId, agentId);
            Agent agent = Agent.findById(agentId, LockModeType.PESSIMISTIC_WRITE);
            if (agent.revokedAt != null) { // deleted meanwhile by a concurrent call
                throw new DomainException.NotFound("Agent " + agentId + " was not found.");
            }
            long fenced = presence.revoke(agent);
            Log.infof("Node %d (%s) deleted: identity revoked", agentId, agent.hostname);
            revokedEvents.fire(new AgentRevoked(agentId, fenced));
        });
    }
}
