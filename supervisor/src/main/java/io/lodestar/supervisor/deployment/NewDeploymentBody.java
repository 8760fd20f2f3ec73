package io.lodestar.supervisor.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.JsonBodies;
import io.lodestar.supervisor.common.Runtimes;

/** Reads the body of both create paths: {@code POST /deployments} and {@code POST /agents/{agent_id}/deploy}. */
final class NewDeploymentBody {

    private NewDeploymentBody() {
    }

    /** {@code pathAgent}: the agent of the agent-centric path, which also makes the name optional. */
    static DeploymentService.NewDeployment parse(JsonNode request, Optional<Long> pathAgent) {
        String name = request.path("name").asText("").trim();
        if (name.isEmpty() && pathAgent.isPresent()) {
            name = "agent-" + pathAgent.get();
        }
        if (name.isEmpty() || name.length() > 200) {
            throw new DomainException.Invalid("name is required: a deployment name of 1 to 200 characters.");
        }
        List<Long> agentIds = new ArrayList<>();
        pathAgent.ifPresent(agentIds::add);
        if (pathAgent.isEmpty() && request.hasNonNull("agent_id")) {
            agentIds.add(JsonBodies.id(request.get("agent_id"), "agent_id"));
        }
        if (pathAgent.isEmpty() && request.hasNonNull("agent_ids")) {
            if (!request.get("agent_ids").isArray()) {
                throw new DomainException.Invalid("agent_ids must be an array of agent ids.");
            }
            request.get("agent_ids").forEach(id -> agentIds.add(JsonBodies.id(id, "agent_ids")));
        }
        if (agentIds.isEmpty()) {
            throw new DomainException.Invalid("Give agent_id or agent_ids: the agents (nodes) to deploy on. List them with GET /agents.");
        }
        return new DeploymentService.NewDeployment(name, agentIds, runtimes(request));
    }

    private static List<RuntimeName> runtimes(JsonNode request) {
        List<RuntimeName> runtimes = new ArrayList<>();
        if (!request.hasNonNull("runtimes")) {
            return List.of(RuntimeName.IGGY);
        }
        if (!request.get("runtimes").isArray() || request.get("runtimes").isEmpty()) {
            throw new DomainException.Invalid("runtimes must be a non-empty array such as [\"iggy\", \"connectors\"].");
        }
        request.get("runtimes").forEach(r -> {
            RuntimeName runtime = Runtimes.parse(r.asText());
            if (!runtimes.contains(runtime)) {
                runtimes.add(runtime);
            }
        });
        return runtimes;
    }
}
