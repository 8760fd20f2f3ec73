package io.lodestar.supervisor.deployment;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.common.ActionSpec;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Names;
import io.lodestar.supervisor.config.RuntimeConfigService;
import io.lodestar.supervisor.config.RuntimeConfigView;
import io.lodestar.supervisor.operation.OperationType;
import io.lodestar.supervisor.placement.ClusterRoster;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentNode;
import io.lodestar.supervisor.rollout.Rollout;
import io.lodestar.supervisor.rollout.RolloutService;

/**
 * The replicas of a cluster deployment: assigns each node its replica id, address and ports once, at creation,
 * and deploys the cluster by applying a first config version that holds the generated roster, so the file every
 * replica starts with is a version like any other (listed, planned, checked for drift).
 */
@ApplicationScoped
public class ClusterReplicas {

    @Inject
    RuntimeConfigService configs;

    @Inject
    RolloutService rollouts;

    /**
     * Replica ids 0…N-1 in the order the agents were given; each replica's address is the override, else the first
     * address its Warden reported. Two replicas on one address need different ports.
     */
    void assign(Deployment deployment, List<Agent> agents, List<Long> nodeIds, ClusterRequest.Resolved cluster) {
        Map<Long, Agent> byId = new HashMap<>();
        agents.forEach(a -> byId.put(a.id, a));
        Map<String, Long> endpoints = new HashMap<>();
        for (int replicaId = 0; replicaId < nodeIds.size(); replicaId++) {
            long nodeId = nodeIds.get(replicaId);
            ClusterRequest.NodeOverride override = cluster.overrides().get(nodeId);
            String ip = override != null && override.ip() != null ? override.ip().strip() : byId.get(nodeId).address;
            if (ip == null) {
                throw new DomainException.Invalid("Agent " + nodeId + " has reported no address yet (its Warden was never "
                        + "connected, or it has only loopback interfaces); give it one with cluster.nodes[] = {\"agent_id\": \""
                        + nodeId + "\", \"ip\": \"…\"}.");
            }
            Map<String, Integer> ports = new LinkedHashMap<>(cluster.ports());
            if (override != null && override.ports() != null) {
                ports.putAll(override.ports());
            }
            if (!ports.containsKey("tcp_replica")) {
                throw new DomainException.Invalid("cluster.ports.tcp_replica is required (or cluster.nodes[].ports.tcp_replica "
                        + "for agent " + nodeId + "): the port replicas talk to each other on; Iggy has no default for it.");
            }
            for (String transport : ClusterRoster.TRANSPORTS) {
                Long other = endpoints.put(ip + ":" + ports.get(transport) + (transport.equals("quic") ? "/udp" : "/tcp"), nodeId);
                if (other != null) {
                    throw new DomainException.Invalid("Replicas on agents " + other + " and " + nodeId + " would both listen on "
                            + ip + ":" + ports.get(transport) + " (" + transport + "); give one of them other ports in "
                            + "cluster.nodes[].ports.");
                }
            }
            DeploymentNode node = DeploymentNode.find("deploymentId = ?1 and nodeId = ?2", deployment.id, nodeId).firstResult();
            node.replicaId = replicaId;
            node.clusterIp = ip;
            node.clusterPorts = ClusterRoster.formatPorts(ports);
        }
        DeploymentNode.flush();
    }

    /**
     * Writes the first config version (the caller's {@code cluster.config} and the roster) and applies it to every
     * replica; other runtimes start in a rollout of their own. Returns the replicas' rollout, the one the answer shows.
     */
    Rollout deploy(long tenantId, long authorId, Deployment deployment, List<Long> nodeIds, String config) {
        RuntimeConfigView roster = configs.create(tenantId, authorId, deployment.id,
                new RuntimeConfigService.NewRuntimeConfig(RuntimeName.IGGY, rosterVersionName(deployment.clusterName), config));
        Rollout replicas = rollouts.runJob(deployment, nodeIds, List.of(RuntimeName.IGGY), ActionSpec.parse("reconfigure:" + roster.id()),
                authorId, OperationType.DEPLOY, "Deploy " + deployment.name + " (cluster " + deployment.clusterName + ")");
        List<RuntimeName> others = deployment.runtimeNames().stream().filter(r -> r != RuntimeName.IGGY).toList();
        if (!others.isEmpty()) {
            rollouts.runJob(deployment, nodeIds, others, ActionSpec.of(ActionSpec.Kind.START), authorId, OperationType.DEPLOY,
                    "Deploy " + deployment.name);
        }
        return replicas;
    }

    /**
     * "{cluster} roster", the first version's name. A cluster name may be as long as any name, so the longest ones are
     * cut to leave room for the suffix; the roster itself always carries the name whole.
     */
    static String rosterVersionName(String clusterName) {
        String suffix = " roster";
        if (clusterName.length() + suffix.length() <= Names.MAX_LENGTH) {
            return clusterName + suffix;
        }
        return clusterName.substring(0, Names.MAX_LENGTH - suffix.length() - 1) + "…" + suffix;
    }
}
