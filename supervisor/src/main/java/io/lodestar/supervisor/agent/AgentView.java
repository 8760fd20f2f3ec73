package io.lodestar.supervisor.agent;

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
        @JsonProperty("config_drift") String configDrift,
        @JsonProperty("warden_version") String wardenVersion,
        String os,
        String arch,
        @JsonProperty("cpu_count") Integer cpuCount,
        @JsonProperty("memory_bytes") Long memoryBytes,
        @JsonProperty("last_seen_at") String lastSeenAt,
        @JsonProperty("created_at") String createdAt) {

    public static AgentView of(Agent agent) {
        return new AgentView(agent.id, agent.tenantId, agent.divisionId, agent.environmentId, agent.hostname,
                agent.state.wireName(), agent.runtimeState, agent.configDrift, agent.wardenVersion, agent.os, agent.arch, agent.cpuCount, agent.memoryBytes,
                Times.format(agent.lastSeenAt), Times.format(agent.createdAt));
    }
}
