package io.lodestar.supervisor.agent;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Reads agents within a tenant; another tenant's agent, and a deleted (revoked) one, is simply not found. */
@ApplicationScoped
public class AgentService {

    public Agent get(long tenantId, long agentId) {
        Agent agent = Agent.<Agent>find("id = ?1 and tenantId = ?2 and revokedAt is null", agentId, tenantId).firstResult();
        if (agent == null) {
            throw new DomainException.NotFound("Agent " + agentId + " was not found.");
        }
        return agent;
    }

    /**
     * The tenant's agents among {@code agentIds}, their rows locked for the caller's transaction. Locked in id
     * order, as every writer of many agent rows takes them ({@link #lockInOrder}, the heartbeat checkpoint), so two
     * such transactions wait for each other instead of deadlocking; and two requests placing deployments on the same
     * agents are taken one after the other, the second seeing the first's placement.
     */
    public List<Agent> findAll(long tenantId, Collection<Long> agentIds) {
        return Agent.find("tenantId = ?1 and id in ?2 and revokedAt is null order by id", tenantId, agentIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Locks these agents' rows in id order before a transaction writes several of them (see {@link #findAll}). */
    public static void lockInOrder(Collection<Long> agentIds) {
        if (!agentIds.isEmpty()) {
            Agent.find("id in ?1 order by id", agentIds).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        }
    }

    public Page<AgentView> list(long tenantId, PageRequest request) {
        PanacheQuery<Agent> query = listed(tenantId);
        List<AgentView> views = AgentView.of(request.rows(query));
        return Page.of(views, query.count(), request, view -> view);
    }

    /** The ids of the same page as {@link #list}, for what is shown per node beside it. */
    public Page<Long> ids(long tenantId, PageRequest request) {
        return Page.of(listed(tenantId), request, agent -> agent.id);
    }

    private static PanacheQuery<Agent> listed(long tenantId) {
        return Agent.find("tenantId = ?1 and revokedAt is null order by id desc", tenantId);
    }
}
