package io.lodestar.supervisor.agent;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

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

    public List<Agent> findAll(long tenantId, Collection<Long> agentIds) {
        return Agent.list("tenantId = ?1 and id in ?2 and revokedAt is null", tenantId, agentIds);
    }

    public Page<AgentView> list(long tenantId, PageRequest request) {
        PanacheQuery<Agent> query = Agent.find("tenantId = ?1 and revokedAt is null order by id desc", tenantId);
        return Page.of(query, request, AgentView::of);
    }
}
