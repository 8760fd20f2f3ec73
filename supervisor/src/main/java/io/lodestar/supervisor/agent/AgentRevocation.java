package io.lodestar.supervisor.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.grpc.Status;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.dispatch.LinkSessions;
import io.lodestar.supervisor.dispatch.TaskService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Deletes a node: revokes its identity in the database (so no replica accepts its secret again), fences any
 * stream it still has by bumping its session epoch, rejects its open tasks, and closes its stream here at once.
 * A stream open on another replica is closed by that replica's {@code SessionFence} within a sweep.
 */
@ApplicationScoped
public class AgentRevocation {

    @Inject
    AgentService agents;

    @Inject
    TaskService tasks;

    @Inject
    LinkSessions sessions;

    @Inject
    AgentPresence presence;

    public void revoke(long tenantId, long agentId) {
        long fencedEpoch = QuarkusTransaction.requiringNew().call(() -> {
            agents.get(tenantId, agentId);
            Agent agent = Agent.findById(agentId, LockModeType.PESSIMISTIC_WRITE);
            if (agent.revokedAt != null) { // deleted meanwhile by a concurrent call
                throw new DomainException.NotFound("Agent " + agentId + " was not found.");
            }
            long previous = presence.revoke(agent);
            int rejected = tasks.rejectOpenOfRevokedNode(agentId);
            Log.infof("Node %d (%s) deleted: identity revoked, %d open task(s) rejected", agentId, agent.hostname, rejected);
            return previous;
        });
        sessions.close(agentId, fencedEpoch, Status.UNAUTHENTICATED.withDescription(
                "This node was deleted and its identity revoked; enroll the Warden again with a new token."));
    }
}
