package io.lodestar.supervisor.agent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** An agent as the API shows it. */
public record AgentView(
        long id,
        @JsonProperty("tenant_id") long tenantId,
        @JsonProperty("division_id") long divisionId,
        @JsonProperty("environment_id") long environmentId,
        String hostname,
        String state,
        @JsonProperty("runtime_state") String runtimeState,
        @JsonProperty("runtime_health") List<RuntimeHealthView> runtimeHealth,
        @JsonProperty("config_drift") String configDrift,
        @JsonProperty("warden_version") String wardenVersion,
        String os,
        String arch,
        @JsonProperty("cpu_count") Integer cpuCount,
        @JsonProperty("memory_bytes") Long memoryBytes,
        @JsonProperty("last_seen_at") String lastSeenAt,
        @JsonProperty("created_at") String createdAt) {

    public static AgentView of(Agent agent) {
        return of(agent, RuntimeHealth.<RuntimeHealth>list("nodeId = ?1 order by runtime", agent.id));
    }

    /** A page of agents, with their runtimes' health read in one query. */
    public static List<AgentView> of(List<Agent> agents) {
        Collection<Long> ids = agents.stream().map(agent -> agent.id).toList();
        Map<Long, List<RuntimeHealth>> health = ids.isEmpty() ? Map.of()
                : RuntimeHealth.<RuntimeHealth>list("nodeId in ?1 order by runtime", ids).stream()
                        .collect(Collectors.groupingBy(row -> row.nodeId));
        return agents.stream().map(agent -> of(agent, health.getOrDefault(agent.id, List.of()))).toList();
    }

    private static AgentView of(Agent agent, List<RuntimeHealth> health) {
        return new AgentView(agent.id, agent.tenantId, agent.divisionId, agent.environmentId, agent.hostname,
                agent.state.wireName(), agent.runtimeState, health.stream().map(RuntimeHealthView::of).toList(),
                agent.configDrift, agent.wardenVersion, agent.os, agent.arch, agent.cpuCount, agent.memoryBytes,
                Times.format(agent.lastSeenAt), Times.format(agent.createdAt));
    }
}
