package io.lodestar.supervisor.deployment;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Names;
import io.lodestar.supervisor.common.Runtimes;

/** The body of {@code POST /deployments}: a name, the agents (nodes) to deploy on, and the runtimes to start. */
public record NewDeploymentRequest(
        @JsonProperty("name")
        @NotNull(message = NewDeploymentRequest.NAME)
        @Pattern(regexp = Names.NOT_BLANK, message = NewDeploymentRequest.NAME)
        @Size(max = Names.MAX_LENGTH, message = NewDeploymentRequest.NAME)
        @Schema(example = "events-prod")
        String name,
        @JsonProperty("agent_id")
        @Schema(description = "One agent to deploy on; or give agent_ids.", example = "610809900976570889")
        Long agentId,
        @JsonProperty("agent_ids")
        @Schema(description = "The agents to deploy on; or give agent_id.", example = "[610809900976570889]")
        List<@NotNull(message = "must be an integer id, such as 610809900976570889, not null") Long> agentIds,
        @JsonProperty("runtimes")
        @Size(min = 1, message = NewDeploymentRequest.RUNTIMES)
        @Schema(description = "The runtimes to start; iggy when omitted.", example = "[\"iggy\", \"connectors\"]")
        List<@NotNull(message = NewDeploymentRequest.RUNTIMES) String> runtimes,
        @JsonProperty("cluster")
        @Schema(description = "Makes the deployment one Iggy cluster; see docs/api/clusters.md.")
        ClusterRequest cluster) {

    static final String NAME = "is required: a deployment name of 1 to " + Names.MAX_LENGTH + " characters";
    static final String BODY_REQUIRED = "The request body is required: send {\"name\":\"events-prod\",\"agent_ids\":[…]}.";
    static final String RUNTIMES = "must be a non-empty array such as [\"iggy\", \"connectors\"]";

    DeploymentService.NewDeployment toNewDeployment() {
        List<Long> agents = new ArrayList<>();
        if (agentId != null) {
            agents.add(agentId);
        }
        if (agentIds != null) {
            agents.addAll(agentIds);
        }
        if (agents.isEmpty()) {
            throw new DomainException.Invalid("Give agent_id or agent_ids: the agents (nodes) to deploy on. List them with GET /agents.");
        }
        List<RuntimeName> chosen = runtimes(runtimes);
        if (cluster != null && !chosen.contains(RuntimeName.IGGY)) {
            throw new DomainException.Invalid("cluster needs the iggy runtime in runtimes: the cluster's replicas are Iggy "
                    + "servers. Add \"iggy\" to runtimes or leave cluster out.");
        }
        return new DeploymentService.NewDeployment(name.trim(), agents, chosen,
                java.util.Optional.ofNullable(cluster).map(c -> c.resolve(List.copyOf(new java.util.LinkedHashSet<>(agents)))));
    }

    /** The runtimes named, each once, in order; {@code iggy} when none are named. */
    static List<RuntimeName> runtimes(List<String> names) {
        if (names == null) {
            return List.of(RuntimeName.IGGY);
        }
        return names.stream().map(Runtimes::parse).distinct().toList();
    }
}
