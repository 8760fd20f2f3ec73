package io.lodestar.supervisor.deployment;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.common.Times;
import io.lodestar.supervisor.placement.ClusterRoster;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.rollout.RolloutView;

/**
 * A deployment as the API shows it. The answer of a job that acts on its nodes (create, restart, scale, delete) also
 * carries the rollout that runs it, as starting an activity does; reads and jobs that act on no node leave it out.
 */
public record DeploymentView(
        long id,
        @JsonProperty("tenant_id") long tenantId,
        @JsonProperty("division_id") long divisionId,
        @JsonProperty("environment_id") long environmentId,
        String name,
        String status,
        int replicas,
        @JsonProperty("agent_ids") List<Long> agentIds,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("ended_at") String endedAt,
        @JsonProperty("config_drift") List<NodeDrift> configDrift,
        @JsonInclude(JsonInclude.Include.NON_NULL) Cluster cluster,
        @JsonInclude(JsonInclude.Include.NON_NULL) RolloutView rollout) {

    /** A cluster deployment's Iggy cluster: its name and one replica per node, as the generated roster has them. */
    public record Cluster(String name, List<Replica> replicas) {
    }

    public record Replica(@JsonProperty("node_id") long nodeId, @JsonProperty("replica_id") int replicaId, String name,
            String ip, Map<String, Integer> ports) {
    }

    /** A node whose config file is not the version Lodestar applied there. */
    public record NodeDrift(@JsonProperty("node_id") long nodeId, String drift) {
    }

    public static DeploymentView of(Deployment deployment, List<Long> agentIds) {
        List<NodeDrift> drift = agentIds.isEmpty() ? List.of()
                : Agent.<Agent>list("id in ?1 and configDrift is not null order by id", agentIds).stream()
                        .map(agent -> new NodeDrift(agent.id, agent.configDrift)).toList();
        return new DeploymentView(deployment.id, deployment.tenantId, deployment.divisionId, deployment.environmentId,
                deployment.name, deployment.status.wireName(), agentIds.size(), agentIds,
                Times.format(deployment.createdAt), Times.format(deployment.updatedAt), Times.format(deployment.endedAt),
                drift, cluster(deployment), null);
    }

    /** The answer of a job: the deployment and the rollout that runs the job on its nodes (null when none does). */
    public static DeploymentView of(Deployment deployment, List<Long> agentIds, RolloutView rollout) {
        DeploymentView view = of(deployment, agentIds);
        return new DeploymentView(view.id, view.tenantId, view.divisionId, view.environmentId, view.name, view.status,
                view.replicas, view.agentIds, view.createdAt, view.updatedAt, view.endedAt, view.configDrift, view.cluster,
                rollout);
    }

    private static Cluster cluster(Deployment deployment) {
        if (!deployment.isCluster()) {
            return null;
        }
        List<Replica> replicas = ClusterRoster.of(deployment).entries().stream()
                .map(e -> new Replica(e.nodeId(), e.replicaId(), e.rosterName(), e.ip(), e.orderedPorts())).toList();
        return new Cluster(deployment.clusterName, replicas);
    }
}
