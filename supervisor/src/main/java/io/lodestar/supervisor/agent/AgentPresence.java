package io.lodestar.supervisor.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.v1.Hello;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.WorkerIdLease;
import io.lodestar.supervisor.tenancy.Secrets;
import io.quarkus.logging.Log;

/** Whether a node's Warden is connected: the only place an agent's state changes. */
@ApplicationScoped
public class AgentPresence {

    @Inject
    Clock clock;

    @Inject
    Event<AgentPresenceChanged> presenceEvents;

    @Inject
    WorkerIdLease replica;

    /**
     * Authenticates a Warden's Hello and opens a new session for it: bumps the node's session epoch
     * (the fencing token) and marks it online. Returns the new epoch.
     */
    @Transactional
    public long connect(Hello hello) {
        // Row locks: a connect racing the close of the node's previous stream must not lose the epoch bump.
        Agent agent = Agent.findById(hello.getNodeId(), LockModeType.PESSIMISTIC_WRITE);
        if (agent == null || !Secrets.matches(hello.getNodeSecret(), agent.secretHash)) {
            throw new DomainException.Unauthenticated("Unknown node " + hello.getNodeId()
                    + " or wrong node secret; enroll the Warden again with a new token.");
        }
        if (agent.revokedAt != null) {
            throw new DomainException.Unauthenticated("Node " + agent.id + " was deleted and its identity revoked; enroll"
                    + " the Warden again with a new token to bring this host back.");
        }
        agent.sessionEpoch++;
        AgentFacts.apply(agent, hello.getHost(), hello.getWardenVersion());
        agent.lastSeenAt = clock.instant();
        if (agent.state != AgentState.ONLINE) {
            Log.infof("Node %d (%s) is online", agent.id, agent.hostname);
            presenceEvents.fire(new AgentPresenceChanged(agent.id, true, "Its Warden connected."));
        }
        agent.state = AgentState.ONLINE;
        agent.heldBy = replica.holder();
        return agent.sessionEpoch;
    }

    /**
     * Revokes the node's identity (DELETE /agents/{id}) in the caller's transaction: its secret is refused from
     * now on and its epoch moves on, fencing any stream it still holds. Returns the epoch that was fenced off.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long revoke(Agent agent) {
        long fenced = agent.sessionEpoch;
        agent.revokedAt = clock.instant();
        agent.sessionEpoch++;
        agent.state = AgentState.OFFLINE;
        return fenced;
    }

    /** When a node's current session last heard from its Warden. */
    public record Heard(long nodeId, long epoch, Instant at) {
    }

    /**
     * Moves last_seen_at forward for nodes still on the session that heard them, in node id order: the order every
     * transaction writing several agent rows takes them in, so none deadlocks with this one. One transaction: the
     * caller keeps the list short.
     */
    @Transactional
    public void recordHeard(List<Heard> heard) {
        for (Heard node : heard.stream().sorted(java.util.Comparator.comparingLong(Heard::nodeId)).toList()) {
            Agent.update("lastSeenAt = ?1 where id = ?2 and sessionEpoch = ?3 and (lastSeenAt is null or lastSeenAt < ?1)",
                    node.at(), node.nodeId(), node.epoch());
        }
    }

    /**
     * Marks offline, on behalf of any replica, the online nodes whose holder is gone: its lease in
     * {@code supervisor_replicas} lapsed (it died or lost the database), or the node's {@code last_seen_at} is
     * older than {@code silentBefore} (its holder stopped checkpointing it). Their epoch moves on, so a holder
     * that comes back finds its streams fenced and closes them ({@code SessionFence}); the Wardens reconnect
     * wherever they can. Their open tasks then meet the dispatch deadline as any offline node's do. A node
     * this replica holds and {@code heardHere} says it hears is left alone whatever its {@code last_seen_at}:
     * that column is a checkpoint of what this replica knows first hand. Returns the nodes marked offline.
     */
    @Transactional
    public List<Long> takeOfflineOrphans(Instant silentBefore, LongPredicate heardHere) {
        String orphaned = "state = 'ONLINE' and (held_by is null or last_seen_at < ?1 or not exists (select 1 from"
                + " supervisor_replicas r where r.holder = agents.held_by and r.lease_until > current_timestamp))";
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = Agent.getEntityManager()
                .createNativeQuery("select id, held_by from agents where " + orphaned + " order by id")
                .setParameter(1, silentBefore).getResultList();
        List<Long> offline = new java.util.ArrayList<>();
        for (Object[] candidate : candidates) {
            Number id = (Number) candidate[0];
            if (replica.holder().equals(candidate[1]) && heardHere.test(id.longValue())) {
                continue;
            }
            // Re-checked under the row lock: the node may have reconnected to a live replica meanwhile.
            int changed = Agent.getEntityManager().createNativeQuery("update agents set state = 'OFFLINE',"
                    + " session_epoch = session_epoch + 1 where id = ?2 and " + orphaned)
                    .setParameter(1, silentBefore).setParameter(2, id.longValue()).executeUpdate();
            if (changed == 1) {
                offline.add(id.longValue());
                Log.infof("Node %d is offline: the Supervisor replica holding its stream stopped renewing its lease"
                        + " or stopped hearing it", id.longValue());
            }
        }
        return offline;
    }

    /** Marks the node offline, unless a newer session has taken over meanwhile. */
    @Transactional
    public void disconnect(long nodeId, long epoch, String why) {
        Agent agent = Agent.findById(nodeId, LockModeType.PESSIMISTIC_WRITE);
        if (agent == null || agent.sessionEpoch != epoch || agent.state == AgentState.OFFLINE) {
            return;
        }
        agent.state = AgentState.OFFLINE;
        agent.lastSeenAt = clock.instant();
        Log.infof("Node %d (%s) is offline: %s", nodeId, agent.hostname, why);
        presenceEvents.fire(new AgentPresenceChanged(nodeId, false, why));
    }
}
