package io.lodestar.supervisor.deployment;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Names;

/** The optional body of {@code POST /agents/{agent_id}/deploy} (seed 002): a deployment on that one agent. */
public record AgentDeployRequest(
        @JsonProperty("name")
        @Size(max = Names.MAX_LENGTH, message = NewDeploymentRequest.NAME)
        @Schema(description = "The deployment's name; agent-{agent_id} when omitted.", example = "events-prod")
        String name,
        @JsonProperty("runtimes")
        @Size(min = 1, message = NewDeploymentRequest.RUNTIMES)
        @Schema(description = "The runtimes to start; iggy when omitted.", example = "[\"iggy\", \"connectors\"]")
        List<@NotNull(message = NewDeploymentRequest.RUNTIMES) String> runtimes) {

    /** What an absent body asks for. */
    static final AgentDeployRequest DEFAULTS = new AgentDeployRequest(null, null);

    DeploymentService.NewDeployment toNewDeployment(long agent) {
        String given = name == null ? "" : name.trim();
        return new DeploymentService.NewDeployment(given.isEmpty() ? "agent-" + agent : given, List.of(agent),
                NewDeploymentRequest.runtimes(runtimes), java.util.Optional.empty());
    }
}
