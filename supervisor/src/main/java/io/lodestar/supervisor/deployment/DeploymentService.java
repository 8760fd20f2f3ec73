package io.lodestar.supervisor.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.agent.AgentService;
import io.lodestar.supervisor.agent.AgentState;
import io.lodestar.supervisor.common.ActionSpec;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.iggy.ClusterRefusal;
import io.lodestar.supervisor.limits.RequestLimits;
import io.lodestar.supervisor.operation.OperationType;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentNode;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.placement.Deployments;
import io.lodestar.supervisor.placement.NodeRuntimeState;
import io.lodestar.supervisor.rollout.RolloutService;
import io.lodestar.supervisor.rollout.RolloutView;

/**
 * The deployment-level jobs: {@link #create}, {@link #restart}, {@link #scale} and {@link #delete}, one
 * method each. Reads are in {@link DeploymentQueries}, what the nodes report in {@link NodeReports}; status
 * changes go through {@link DeploymentLifecycle} only.
 */
@ApplicationScoped
public class DeploymentService {

    public static final String SCALE_REFUSED = "Can only scale running deployments";
    public static final String RESTART_REFUSED = "Can only restart stopped or failed deployments";
    static final int MAX_REPLICAS = 100;

    @Inject
    AgentService agents;

    @Inject
    RolloutService rollouts;

    @Inject
    DeploymentLifecycle lifecycle;

    @Inject
    Deployments deployments;

    @Inject
    Ids ids;

    @Inject
    RequestLimits limits;

    @Inject
    ClusterReplicas clusterReplicas;

    public record NewDeployment(String name, List<Long> agentIds, List<RuntimeName> runtimes,
            Optional<ClusterRequest.Resolved> cluster) {
    }

    /** Places the deployment on its agents and starts its runtimes there; status {@code deploying}. */
    @Transactional
    public DeploymentView create(long tenantId, long authorId, NewDeployment request) {
        limits.nodes(request.agentIds().size(), "agent_ids");
        Set<Long> wanted = new LinkedHashSet<>(request.agentIds());
        List<Agent> found = agents.findAll(tenantId, wanted);
        Set<Long> foundIds = found.stream().map(a -> a.id).collect(Collectors.toSet());
        List<Long> missing = wanted.stream().filter(id -> !foundIds.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new DomainException.Invalid("These agents were not found: " + missing + ". List yours with GET /agents.");
        }
        if (found.stream().map(a -> a.environmentId).distinct().count() > 1) {
            throw new DomainException.Invalid("All agents of a deployment must be in one environment.");
        }
        List<Long> busy = busyAgents(wanted);
        if (!busy.isEmpty()) {
            throw new DomainException.Conflict("These agents already belong to a live deployment: " + busy
                    + ". Delete that deployment first or pick other agents.");
        }
        Deployment deployment = new Deployment();
        deployment.id = ids.next();
        deployment.placeIn(found.get(0).scope());
        deployment.name = request.name();
        deployment.runtimes = request.runtimes().stream().map(RuntimeName::wireName).collect(Collectors.joining(" "));
        deployment.clusterName = request.cluster().map(ClusterRequest.Resolved::name).orElse(null);
        lifecycle.begin(deployment, "Created on " + wanted.size() + " node(s), runtimes " + deployment.runtimes
                + (deployment.isCluster() ? ", as Iggy cluster '" + deployment.clusterName + "'" : "") + ".", authorId);
        List<Long> nodeIds = new ArrayList<>(wanted);
        nodeIds.forEach(agentId -> addNode(deployment, agentId));
        RolloutView rollout;
        if (request.cluster().isPresent()) {
            clusterReplicas.assign(deployment, found, nodeIds, request.cluster().get());
            rollout = RolloutView.of(clusterReplicas.deploy(tenantId, authorId, deployment, nodeIds,
                    request.cluster().get().config()));
        } else {
            rollout = runOnNodes(deployment, nodeIds, ActionSpec.of(ActionSpec.Kind.START), authorId, OperationType.DEPLOY,
                    "Deploy " + deployment.name);
        }
        return DeploymentView.of(deployment, nodeIds, rollout);
    }

    /** Starts the runtimes again on every node of a stopped or failed deployment; status {@code deploying}. */
    @Transactional
    public DeploymentView restart(long tenantId, long authorId, long deploymentId) {
        Deployment deployment = deployments.lock(tenantId, deploymentId);
        if (deployment.status != DeploymentStatus.STOPPED && deployment.status != DeploymentStatus.FAILED) {
            throw new DomainException.Invalid(RESTART_REFUSED);
        }
        List<DeploymentNode> nodes = deployments.nodes(deployment.id);
        lifecycle.transition(deployment, DeploymentStatus.DEPLOYING, DeploymentEventType.RESTARTED,
                "Restart requested from " + deployment.status.wireName() + ".", null, authorId);
        nodes.forEach(node -> lifecycle.setNode(deployment, node, NodeRuntimeState.STARTING, "Restarting its runtimes."));
        List<Long> nodeIds = nodes.stream().map(n -> n.nodeId).toList();
        RolloutView rollout = runOnNodes(deployment, nodeIds, ActionSpec.of(ActionSpec.Kind.RESTART), authorId,
                OperationType.RESTART, "Restart " + deployment.name);
        return DeploymentView.of(deployment, nodeIds, rollout);
    }

    /**
     * Changes the number of nodes of a running or ready deployment: adds free agents of its environment
     * (starting its runtimes there; status {@code deploying} until they are up) or releases its newest
     * nodes (stopping their runtimes).
     */
    @Transactional
    public DeploymentView scale(long tenantId, long authorId, long deploymentId, int replicas) {
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new DomainException.Invalid("replicas must be between 1 and " + MAX_REPLICAS + "; got " + replicas + ".");
        }
        Deployment deployment = deployments.lock(tenantId, deploymentId);
        List<DeploymentNode> members = deployments.nodes(deployment.id);
        if (deployment.isCluster() && replicas != members.size()) {
            throw new ClusterRefusal("cluster_membership", "Deployment " + deploymentId + " is Iggy cluster '"
                    + deployment.clusterName + "' of " + members.size() + " replicas, and Iggy has no membership change: "
                    + "each replica records the roster size in its on-disk identity and refuses to boot when it differs "
                    + "(core/metadata/src/impls/recovery.rs: \"there is no VSR reconfiguration yet\"). To run " + replicas
                    + " replicas, create a new cluster deployment with fresh data directories and move the data.");
        }
        if (deployment.status != DeploymentStatus.RUNNING && deployment.status != DeploymentStatus.READY) {
            throw new DomainException.Invalid(SCALE_REFUSED);
        }
        List<DeploymentNode> nodes = deployments.nodes(deployment.id);
        int current = nodes.size();
        if (replicas == current) {
            return DeploymentView.of(deployment, deployments.nodeIds(deployment.id));
        }
        String message = "Scaled from " + current + " to " + replicas + " replicas.";
        RolloutView rollout;
        if (replicas > current) {
            List<Long> added = freeAgents(deployment, replicas - current);
            AgentService.lockInOrder(added);
            lifecycle.transition(deployment, DeploymentStatus.DEPLOYING, DeploymentEventType.SCALED, message, null, authorId);
            added.forEach(agentId -> addNode(deployment, agentId));
            rollout = runOnNodes(deployment, added, ActionSpec.of(ActionSpec.Kind.START), authorId, OperationType.SCALE,
                    "Scale " + deployment.name + " up");
        } else {
            lifecycle.record(deployment, DeploymentEventType.SCALED, message, null, authorId);
            List<DeploymentNode> released = nodes.subList(replicas, current);
            List<Long> releasedIds = released.stream().map(n -> n.nodeId).toList();
            AgentService.lockInOrder(releasedIds);
            rollout = runOnNodes(deployment, releasedIds, ActionSpec.of(ActionSpec.Kind.STOP), authorId, OperationType.SCALE,
                    "Scale " + deployment.name + " down");
            for (DeploymentNode node : released) {
                DeploymentLifecycle.markAgent(node.nodeId, NodeRuntimeState.STOPPED);
                node.delete();
                lifecycle.record(deployment, DeploymentEventType.NODE_RELEASED, "Released; its runtimes are being stopped.",
                        node.nodeId, authorId);
            }
            DeploymentNode.flush();
            lifecycle.derive(deployment);
        }
        return DeploymentView.of(deployment, deployments.nodeIds(deployment.id), rollout);
    }

    /**
     * Deletes the deployment: status {@code killed}, {@code ended_at} set, a stop of every runtime
     * dispatched to its nodes, and those agents' {@code runtime_state} set to {@code stopped}. Its nodes
     * become free for other deployments. Deleting a deleted deployment changes nothing.
     */
    @Transactional
    public DeploymentView delete(long tenantId, long authorId, long deploymentId) {
        Deployment deployment = deployments.lock(tenantId, deploymentId);
        List<Long> nodeIds = deployments.nodeIds(deployment.id);
        if (deployment.status == DeploymentStatus.KILLED) {
            return DeploymentView.of(deployment, nodeIds);
        }
        lifecycle.transition(deployment, DeploymentStatus.KILLED, DeploymentEventType.KILLED,
                "Deleted; stopping its runtimes on " + nodeIds.size() + " node(s).", null, authorId);
        AgentService.lockInOrder(nodeIds);
        RolloutView rollout = runOnNodes(deployment, nodeIds, ActionSpec.of(ActionSpec.Kind.STOP), authorId,
                OperationType.TEARDOWN, "Tear down " + deployment.name);
        deployments.nodes(deployment.id).forEach(node -> {
            node.runtimeState = NodeRuntimeState.STOPPED;
            DeploymentLifecycle.markAgent(node.nodeId, NodeRuntimeState.STOPPED);
        });
        return DeploymentView.of(deployment, nodeIds, rollout);
    }

    private void addNode(Deployment deployment, long agentId) {
        DeploymentNode node = new DeploymentNode();
        node.id = ids.next();
        node.deploymentId = deployment.id;
        node.nodeId = agentId;
        node.runtimeState = NodeRuntimeState.STARTING;
        node.persist();
        DeploymentLifecycle.markAgent(agentId, NodeRuntimeState.STARTING);
        lifecycle.record(deployment, DeploymentEventType.NODE_ADDED, "Starting " + deployment.runtimes + ".", agentId, null);
    }

    /**
     * Runs the action on every runtime of the deployment on these nodes as one rollout: one operation per node, one
     * activity per runtime. Returns the rollout as the job's answer shows it; null when there is no node to act on.
     */
    private RolloutView runOnNodes(Deployment deployment, List<Long> nodeIds, ActionSpec action, long authorId,
            OperationType job, String title) {
        return nodeIds.isEmpty() ? null : rollouts.runJob(deployment, nodeIds, action, authorId, job, title);
    }

    /** Agents of the deployment's environment in no live deployment, online ones first. */
    private List<Long> freeAgents(Deployment deployment, int wanted) {
        List<Agent> candidates = Agent.list("tenantId = ?1 and environmentId = ?2 and id not in (select n.nodeId from"
                + " DeploymentNode n, Deployment d where n.deploymentId = d.id and d.status <> ?3)",
                deployment.tenantId, deployment.environmentId, DeploymentStatus.KILLED);
        if (candidates.size() < wanted) {
            throw new DomainException.Conflict("Scaling needs " + wanted + " more free agent(s) in this environment but only "
                    + candidates.size() + " are free; enroll more nodes (POST /agents/enrollments) or scale to fewer replicas.");
        }
        return candidates.stream()
                .sorted(Comparator.comparing((Agent a) -> a.state != AgentState.ONLINE).thenComparing(a -> a.id))
                .limit(wanted).map(a -> a.id).toList();
    }

    private List<Long> busyAgents(Collection<Long> agentIds) {
        return DeploymentNode.getEntityManager().createQuery(
                "select n.nodeId from DeploymentNode n, Deployment d where n.deploymentId = d.id"
                        + " and d.status <> :killed and n.nodeId in :ids", Long.class)
                .setParameter("killed", DeploymentStatus.KILLED)
                .setParameter("ids", agentIds)
                .getResultList();
    }
}
