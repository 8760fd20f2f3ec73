package io.lodestar.supervisor.iggy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.diagnostics.checks.TomlConfig;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.ConfigFileReference;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.config.RuntimeConfig;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.Deployments;

/**
 * Builds a reconfigure's plan: for each node, the diff between the version its Warden says it runs and the
 * new one, what is dangerous and why ({@link IggyConfigRules}), and the rollout. Reads only.
 */
@ApplicationScoped
public class ReconfigurePlanner {

    static final String ALL_AT_ONCE = "Every targeted node writes the file and restarts its runtime at the same time "
            + "(Iggy has no reload: any change restarts it). Each node that does not come back healthy puts its "
            + "previous file back and restarts again.";

    static final String ONE_REPLICA_AT_A_TIME = "One replica at a time, and only while a majority of the cluster's "
            + "replicas stays up (the quorum guard counts replicas). A replica's step ends when it answers /ping and, "
            + "where its Warden has an Iggy token, /cluster/metadata lists it healthy under the cluster's name; a replica "
            + "that does not come back puts its previous file back and the rollout stops.";

    @Inject
    Deployments deployments;

    @Inject
    NodeConfigReports reports;

    @Inject
    AppliedConfigs applied;

    /** The plan of applying {@code configId} to the deployment's nodes (all of them when {@code nodeIds} is empty). */
    @Transactional
    public ReconfigurePlan plan(long tenantId, long deploymentId, long configId, Optional<List<Long>> nodeIds) {
        Deployment deployment = deployments.get(tenantId, deploymentId);
        RuntimeConfig config = RuntimeConfig.<RuntimeConfig>find("id = ?1 and deploymentId = ?2", configId, deploymentId)
                .firstResult();
        if (config == null) {
            throw new DomainException.NotFound("Runtime configuration " + configId + " was not found in deployment "
                    + deploymentId + "; list them with GET /deployments/" + deploymentId + "/configs.");
        }
        List<Long> members = deployments.nodeIds(deployment.id);
        List<Long> targets = nodeIds.orElse(members);
        for (long node : targets) {
            if (!members.contains(node)) {
                throw new DomainException.Invalid("Node " + node + " is not a node of deployment " + deploymentId
                        + "; its nodes are " + members + ".");
            }
        }
        return plan(deployment.id, config, targets);
    }

    /** The plan for these nodes, in the caller's transaction. */
    public ReconfigurePlan plan(long deploymentId, RuntimeConfig config, List<Long> nodeIds) {
        RuntimeName runtime = RuntimeName.fromWireName(config.runtime).orElseThrow();
        Map<String, String> after = values(config.content);
        List<ReconfigurePlan.NodePlan> nodes = new ArrayList<>();
        boolean dangerous = false;
        for (long nodeId : nodeIds) {
            ReconfigurePlan.NodePlan node = nodePlan(deploymentId, nodeId, runtime, config, after);
            dangerous |= !node.dangerous().isEmpty();
            nodes.add(node);
        }
        Deployment deployment = Deployment.findById(deploymentId);
        ReconfigurePlan.Rollout rollout = deployment != null && deployment.isCluster() && runtime == RuntimeName.IGGY
                ? new ReconfigurePlan.Rollout("rolling", nodeIds.stream().map(List::of).toList(), ONE_REPLICA_AT_A_TIME)
                : new ReconfigurePlan.Rollout("all_at_once", List.of(List.copyOf(nodeIds)), ALL_AT_ONCE);
        return new ReconfigurePlan(deploymentId, config.id, config.runtime, config.checksum, dangerous, nodes, rollout);
    }

    private ReconfigurePlan.NodePlan nodePlan(long deploymentId, long nodeId, RuntimeName runtime, RuntimeConfig config,
            Map<String, String> after) {
        Agent agent = Agent.findById(nodeId);
        String hostname = agent == null ? null : agent.hostname;
        String drift = agent == null ? null : agent.configDrift;
        Optional<NodeConfigReports.Report> report = reports.of(nodeId, runtime);
        List<ConfigFileReference> files = report.map(NodeConfigReports.Report::files).orElse(List.of());
        List<ConfigDanger> dangers = new ArrayList<>();
        List<ConfigDanger> unchecked = new ArrayList<>();
        Optional<String> checksum = report.flatMap(NodeConfigReports.Report::knownChecksum);
        if (checksum.isPresent() && checksum.get().equals(config.checksum)) {
            return new ReconfigurePlan.NodePlan(nodeId, hostname, new ReconfigurePlan.Runs(checksum.get(), config.id, null),
                    true, List.of(), false, List.of(), List.of(), drift);
        }
        Optional<RuntimeConfig> running = checksum.flatMap(sum -> applied.withChecksum(deploymentId, runtime, sum));
        String unknown = null;
        List<ConfigChange> changes;
        if (running.isPresent()) {
            changes = ConfigChange.between(values(running.get().content), after);
            dangers.addAll(IggyConfigRules.dangers(runtime, changes));
        } else {
            unknown = report.isEmpty()
                    ? "The node's Warden has not reported its config file since this Supervisor started or its last"
                            + " reconfigure ended (it does with its next heartbeat; is it connected?)."
                    : checksum.isEmpty() ? "The Warden could not read the file: " + report.get().unread()
                    : "The node runs a file Lodestar has no version of (sha256 " + checksum.get() + "): written or edited "
                            + "outside Lodestar.";
            // every key of the new version is listed; whether a dangerous key changes cannot be told
            changes = ConfigChange.between(Map.of(), after);
            for (ConfigDanger danger : IggyConfigRules.dangers(runtime, changes)) {
                unchecked.add(new ConfigDanger(danger.key(), "Lodestar does not know the value the node runs, so it "
                        + "cannot tell whether this key changes. If it does: " + danger.reason()));
            }
        }
        IggyConfigRules.files(after, changes, files, dangers, unchecked);
        return new ReconfigurePlan.NodePlan(nodeId, hostname,
                new ReconfigurePlan.Runs(checksum.orElse(null), running.map(c -> c.id).orElse(null), unknown),
                false, changes, !changes.isEmpty() || unknown != null, dangers, unchecked, drift);
    }

    static Map<String, String> values(String content) {
        try {
            return TomlConfig.values(content);
        } catch (TomlConfig.Invalid e) {
            // stored versions were validated with the same parser when they were created
            throw new IllegalStateException("a stored config version does not parse: " + e.getMessage(), e);
        }
    }
}
