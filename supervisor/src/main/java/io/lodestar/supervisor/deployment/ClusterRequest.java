package io.lodestar.supervisor.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Names;
import io.lodestar.supervisor.placement.ClusterRoster;

/**
 * {@code "cluster"} in the body of {@code POST /deployments}: the deployment is one Iggy cluster whose replicas are
 * its nodes. {@code ports} apply to every replica (Iggy's listener defaults where left out, except
 * {@code tcp_replica}, which has none); {@code nodes} override one replica's address or ports.
 */
@Schema(description = "Makes the deployment one Iggy cluster: each node is a replica with a stable replica_id.")
public record ClusterRequest(
        @JsonProperty("name") @Schema(example = "events") String name,
        @JsonProperty("ports") @Schema(example = "{\"tcp_replica\": 8093}") Map<String, Integer> ports,
        @JsonProperty("nodes") List<NodeOverride> nodes,
        @JsonProperty("config") @Schema(description = "The first config version's TOML, before the generated [cluster] part.")
        String config) {

    /** Iggy's listener defaults ({@code [tcp]} 8090, {@code [quic]} 8080, {@code [http]} 3000, {@code [websocket]} 8092). */
    /** The size of {@code deployment_nodes.cluster_ip}: an address is not free text, so a longer one is refused. */
    static final int MAX_IP_LENGTH = 255;

    static final Map<String, Integer> IGGY_DEFAULT_PORTS = Map.of("tcp", 8090, "quic", 8080, "http", 3000, "websocket", 8092);

    /** One replica's roster entry as the caller wants it instead of the default. */
    public record NodeOverride(
            @JsonProperty("agent_id") Long agentId,
            @JsonProperty("ip") @Schema(example = "10.0.0.7") String ip,
            @JsonProperty("ports") Map<String, Integer> ports) {
    }

    /** The request checked: the cluster's name, its ports and each agent's overrides. */
    record Resolved(String name, Map<String, Integer> ports, Map<Long, NodeOverride> overrides, String config) {
    }

    Resolved resolve(List<Long> agentIds) {
        if (name == null || !name.matches(Names.NOT_BLANK) || name.strip().length() > Names.MAX_LENGTH) {
            throw new DomainException.Invalid("cluster.name is required: the Iggy cluster's name ([cluster] name), 1 to "
                    + Names.MAX_LENGTH + " characters, such as \"events\". It cannot change once the replicas hold data.");
        }
        Map<String, Integer> resolved = new LinkedHashMap<>(IGGY_DEFAULT_PORTS);
        resolved.putAll(checked(ports, "cluster.ports"));
        Map<Long, NodeOverride> overrides = new LinkedHashMap<>();
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            NodeOverride node = nodes.get(i);
            String field = "cluster.nodes[" + i + "]";
            if (node == null || node.agentId() == null || !agentIds.contains(node.agentId())) {
                throw new DomainException.Invalid(field + ".agent_id must be one of the deployment's agents " + agentIds
                        + "; got " + (node == null ? null : node.agentId()) + ".");
            }
            if (node.ip() != null && node.ip().isBlank()) {
                throw new DomainException.Invalid(field + ".ip is blank; give the address other replicas reach this one on, "
                        + "or leave it out to use the address its Warden reported.");
            }
            if (node.ip() != null && node.ip().strip().length() > MAX_IP_LENGTH) {
                throw new DomainException.Invalid(field + ".ip has " + node.ip().strip().length() + " characters; an address has"
                        + " at most " + MAX_IP_LENGTH + ".");
            }
            checked(node.ports(), field + ".ports");
            if (overrides.put(node.agentId(), node) != null) {
                throw new DomainException.Invalid(field + ".agent_id " + node.agentId() + " is listed twice.");
            }
        }
        return new Resolved(name.strip(), resolved, overrides, config == null ? "" : config);
    }

    private static Map<String, Integer> checked(Map<String, Integer> ports, String field) {
        if (ports == null) {
            return Map.of();
        }
        ports.forEach((transport, port) -> {
            if (!ClusterRoster.TRANSPORTS.contains(transport)) {
                throw new DomainException.Invalid(field + " has '" + transport + "'; Iggy's roster ports are "
                        + ClusterRoster.TRANSPORTS + ".");
            }
            if (port == null || port < 1 || port > 65535) {
                throw new DomainException.Invalid(field + "." + transport + " must be a port from 1 to 65535; got " + port + ".");
            }
        });
        return ports;
    }
}
