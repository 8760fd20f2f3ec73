package io.lodestar.supervisor.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.lodestar.supervisor.activity.ActionSpec;
import io.lodestar.supervisor.activity.Activity;
import io.lodestar.supervisor.activity.ActivityFinished;
import io.lodestar.supervisor.activity.ActivityService;
import io.lodestar.supervisor.activity.ActivityStatus;
import io.lodestar.supervisor.activity.RuntimeName;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.agent.AgentService;
import io.lodestar.supervisor.agent.AgentState;
import io.lodestar.supervisor.common.Counts;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.dispatch.TaskRunning;
import io.lodestar.supervisor.limits.RequestLimits;
import io.lodestar.supervisor.operation.Operation;
import io.lodestar.supervisor.operation.OperationService;
import io.lodestar.supervisor.operation.OperationType;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

/**
 * The deployment-level jobs: {@link #create}, {@link #restart}, {@link #scale} and {@link #delete}, one
 * method each, plus the reads. Status changes go through {@link DeploymentLifecycle} only.
 */
@ApplicationScoped
public class DeploymentService {

    public static final String SCALE_REFUSED = "Can only scale running deployments";
    public static final String RESTART_REFUSED = "Can only restart stopped or failed deployments";
    static final int MAX_REPLICAS = 100;

    @Inject
    AgentService agents;

    @Inject
    ActivityService activities;

    @Inject
    DeploymentLifecycle lifecycle;

    @Inject
    OperationService operations;

    @Inject
    Ids ids;

    @Inject
    RequestLimits limits;

    public record NewDeployment(String name, List<Long> agentIds, List<RuntimeName> runtimes) {
    }

    public record Filters(Optional<Long> agentId, Optional<DeploymentStatus> status, Optional<Long> environmentId) {
        public static Filters none() {
            return new Filters(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public record EventFilters(Optional<DeploymentEventType> eventType, Optional<DeploymentStatus> status,
            Optional<Long> beforeId) {
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
        lifecycle.begin(deployment, "Created on " + wanted.size() + " node(s), runtimes " + deployment.runtimes + ".", authorId);
        List<Long> nodeIds = new ArrayList<>(wanted);
        nodeIds.forEach(agentId -> addNode(deployment, agentId));
        startRuntimes(deployment, nodeIds, ActionSpec.start(), authorId, OperationType.DEPLOY, "Deploy " + deployment.name);
        return DeploymentView.of(deployment, nodeIds);
    }

    /** Starts the runtimes again on every node of a stopped or failed deployment; status {@code deploying}. */
    @Transactional
    public DeploymentView restart(long tenantId, long authorId, long deploymentId) {
        Deployment deployment = lockOwned(tenantId, deploymentId);
        if (deployment.status != DeploymentStatus.STOPPED && deployment.status != DeploymentStatus.FAILED) {
            throw new DomainException.Invalid(RESTART_REFUSED);
        }
        List<DeploymentNode> nodes = nodes(deployment.id);
        lifecycle.transition(deployment, DeploymentStatus.DEPLOYING, DeploymentEventType.RESTARTED,
                "Restart requested from " + describeStatus(deployment) + ".", null, authorId);
        nodes.forEach(node -> lifecycle.setNode(deployment, node, NodeRuntimeState.STARTING, "Restarting its runtimes."));
        List<Long> nodeIds = nodes.stream().map(n -> n.nodeId).toList();
        startRuntimes(deployment, nodeIds, ActionSpec.parse("restart"), authorId, OperationType.RESTART,
                "Restart " + deployment.name);
        return DeploymentView.of(deployment, nodeIds);
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
        Deployment deployment = lockOwned(tenantId, deploymentId);
        if (deployment.status != DeploymentStatus.RUNNING && deployment.status != DeploymentStatus.READY) {
            throw new DomainException.Invalid(SCALE_REFUSED);
        }
        List<DeploymentNode> nodes = nodes(deployment.id);
        int current = nodes.size();
        if (replicas == current) {
            return DeploymentView.of(deployment, nodeIds(deployment.id));
        }
        String message = "Scaled from " + current + " to " + replicas + " replicas.";
        if (replicas > current) {
            List<Long> added = freeAgents(deployment, replicas - current);
            lifecycle.transition(deployment, DeploymentStatus.DEPLOYING, DeploymentEventType.SCALED, message, null, authorId);
            added.forEach(agentId -> addNode(deployment, agentId));
            startRuntimes(deployment, added, ActionSpec.start(), authorId, OperationType.SCALE, "Scale " + deployment.name + " up");
        } else {
            lifecycle.record(deployment, DeploymentEventType.SCALED, message, null, authorId);
            List<DeploymentNode> released = nodes.subList(replicas, current);
            List<Long> releasedIds = released.stream().map(n -> n.nodeId).toList();
            startRuntimes(deployment, releasedIds, ActionSpec.parse("stop"), authorId, OperationType.SCALE,
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
        return DeploymentView.of(deployment, nodeIds(deployment.id));
    }

    /**
     * Deletes the deployment: status {@code killed}, {@code ended_at} set, a stop of every runtime
     * dispatched to its nodes, and those agents' {@code runtime_state} set to {@code stopped}. Its nodes
     * become free for other deployments. Deleting a deleted deployment changes nothing.
     */
    @Transactional
    public DeploymentView delete(long tenantId, long authorId, long deploymentId) {
        Deployment deployment = lockOwned(tenantId, deploymentId);
        List<Long> nodeIds = nodeIds(deployment.id);
        if (deployment.status == DeploymentStatus.KILLED) {
            return DeploymentView.of(deployment, nodeIds);
        }
        lifecycle.transition(deployment, DeploymentStatus.KILLED, DeploymentEventType.KILLED,
                "Deleted; stopping its runtimes on " + nodeIds.size() + " node(s).", null, authorId);
        startRuntimes(deployment, nodeIds, ActionSpec.parse("stop"), authorId, OperationType.TEARDOWN,
                "Tear down " + deployment.name);
        nodes(deployment.id).forEach(node -> {
            node.runtimeState = NodeRuntimeState.STOPPED;
            DeploymentLifecycle.markAgent(node.nodeId, NodeRuntimeState.STOPPED);
        });
        return DeploymentView.of(deployment, nodeIds);
    }

    public Deployment get(long tenantId, long deploymentId) {
        Deployment deployment = Deployment.<Deployment>find("id = ?1 and tenantId = ?2", deploymentId, tenantId).firstResult();
        if (deployment == null) {
            throw notFound(deploymentId);
        }
        return deployment;
    }

    public DeploymentView view(long tenantId, long deploymentId) {
        Deployment deployment = get(tenantId, deploymentId);
        return DeploymentView.of(deployment, nodeIds(deployment.id));
    }

    public List<Long> nodeIds(long deploymentId) {
        return nodes(deploymentId).stream().map(n -> n.nodeId).toList();
    }

    public Page<DeploymentView> list(long tenantId, Filters filters, PageRequest request) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenantId);
        filters.status().ifPresent(status -> {
            where.append(" and status = :status");
            params.and("status", status);
        });
        filters.environmentId().ifPresent(environment -> {
            where.append(" and environmentId = :environment");
            params.and("environment", environment);
        });
        filters.agentId().ifPresent(agent -> {
            where.append(" and id in (select n.deploymentId from DeploymentNode n where n.nodeId = :agent)");
            params.and("agent", agent);
        });
        PanacheQuery<Deployment> query = Deployment.find(where + " order by id desc", params);
        List<Deployment> rows = query.range(request.offset(), request.offset() + request.size() - 1).list();
        return Page.of(rows, query.count(), request, d -> DeploymentView.of(d, nodeIds(d.id)));
    }

    /**
     * Newest first. With {@code before_id} (keyset), the page holds events older than that id, so paging
     * while new events arrive neither repeats nor skips any.
     */
    public DeploymentEventsPage events(long tenantId, long deploymentId, EventFilters filters, PageRequest request) {
        Deployment deployment = get(tenantId, deploymentId);
        StringBuilder where = new StringBuilder("deploymentId = :deployment");
        Parameters params = Parameters.with("deployment", deploymentId);
        filters.eventType().ifPresent(type -> {
            where.append(" and eventType = :type");
            params.and("type", type);
        });
        filters.status().ifPresent(status -> {
            where.append(" and status = :status");
            params.and("status", status);
        });
        filters.beforeId().ifPresent(before -> {
            where.append(" and id < :before");
            params.and("before", before);
        });
        PanacheQuery<DeploymentEvent> query = DeploymentEvent.find(where + " order by id desc", params);
        List<DeploymentEvent> rows = query.range(request.offset(), request.offset() + request.size() - 1).list();
        return DeploymentEventsPage.of(deployment,
                Page.bounded(rows, Counts.upToLimit(DeploymentEvent.class, where.toString(), params), request, DeploymentEventView::of));
    }

    /** A node's runtime action finished: its node's state follows, and the deployment's status from all nodes. */
    void onActivityFinished(@Observes ActivityFinished finished) {
        // The row lock orders concurrent reports on one deployment, so each derivation sees the others.
        Deployment deployment = Deployment.findById(finished.deploymentId(), LockModeType.PESSIMISTIC_WRITE);
        Activity activity = Activity.findById(finished.activityId());
        if (deployment == null || activity == null || deployment.status == DeploymentStatus.KILLED) {
            return;
        }
        DeploymentNode node = node(deployment.id, activity.nodeId);
        if (node == null) {
            return; // released by a scale-down meanwhile
        }
        boolean stop = activity.action.equals("stop");
        if (finished.status() == ActivityStatus.REJECTED) {
            if (!stop) {
                lifecycle.nodeReported(deployment, node, NodeRuntimeState.FAILED,
                        activity.runtime + " " + activity.action + " failed: " + activity.message);
            }
            return;
        }
        if (stop) {
            lifecycle.nodeReported(deployment, node, NodeRuntimeState.STOPPED, activity.runtime + " stopped.");
        } else if (!startsStillRunning(deployment.id, activity.nodeId)) {
            lifecycle.nodeReported(deployment, node, NodeRuntimeState.READY,
                    activity.runtime + " " + activity.action + " completed; health check passed.");
        }
    }

    /**
     * A Warden saw one of the deployment's runtimes exit on its own between tasks (a crash, an OOM kill):
     * the node is failed, with the Warden's words, and so is the deployment until it is restarted.
     */
    @Transactional
    public void runtimeExited(long nodeId, RuntimeName runtime, String message) {
        List<DeploymentNode> placements = DeploymentNode.list("nodeId", nodeId);
        for (DeploymentNode placement : placements) {
            Deployment deployment = Deployment.findById(placement.deploymentId, LockModeType.PESSIMISTIC_WRITE);
            if (deployment == null || deployment.status == DeploymentStatus.KILLED
                    || !deployment.runtimeNames().contains(runtime)) {
                continue;
            }
            lifecycle.nodeReported(deployment, placement, NodeRuntimeState.FAILED, message);
        }
    }

    /** A Warden reported a runtime process spawned: the node is running, its health not yet confirmed. */
    void onTaskRunning(@Observes TaskRunning running) {
        if (running.activityId() == null) {
            return;
        }
        Activity activity = Activity.findById(running.activityId());
        if (activity == null || activity.status != ActivityStatus.PROCESSING || activity.action.equals("stop")) {
            return;
        }
        Deployment deployment = Deployment.findById(activity.deploymentId, LockModeType.PESSIMISTIC_WRITE);
        DeploymentNode node = deployment == null ? null : node(deployment.id, activity.nodeId);
        if (node == null || deployment.status == DeploymentStatus.KILLED || node.runtimeState == NodeRuntimeState.RUNNING) {
            return;
        }
        String detail = running.message() == null || running.message().isBlank() ? "" : " (" + running.message() + ")";
        lifecycle.nodeReported(deployment, node, NodeRuntimeState.RUNNING, activity.runtime + " process is up" + detail + ".");
    }

    private boolean startsStillRunning(long deploymentId, long nodeId) {
        return Activity.count("deploymentId = ?1 and nodeId = ?2 and status = ?3 and action <> 'stop'", deploymentId, nodeId,
                ActivityStatus.PROCESSING) > 0;
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
     * Runs {@code action} on every runtime of the deployment on these nodes, as one operation per node
     * (seed 003) to which each node's activities are attached; the operation ends when they have.
     */
    private void startRuntimes(Deployment deployment, List<Long> nodeIds, ActionSpec action, long authorId,
            OperationType job, String title) {
        if (nodeIds.isEmpty()) {
            return;
        }
        String runtimes = deployment.runtimeNames().stream().map(RuntimeName::wireName).collect(Collectors.joining(", "));
        Map<Long, Operation> perNode = new HashMap<>();
        for (Long agentId : nodeIds) {
            perNode.put(agentId, operations.begin(deployment, agentId, job, title,
                    action.wireName() + " " + runtimes + " on agent " + agentId + ".", null));
        }
        for (RuntimeName runtime : deployment.runtimeNames()) {
            for (Activity activity : activities.createAll(deployment, nodeIds, runtime, action, authorId)) {
                operations.attach(perNode.get(activity.nodeId), activity.id); // the task shares the activity's id
            }
        }
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

    private Deployment lockOwned(long tenantId, long deploymentId) {
        Deployment deployment = Deployment.findById(deploymentId, LockModeType.PESSIMISTIC_WRITE);
        if (deployment == null || deployment.tenantId != tenantId) {
            throw notFound(deploymentId);
        }
        return deployment;
    }

    private static String describeStatus(Deployment deployment) {
        return deployment.status.wireName();
    }

    private static DomainException notFound(long deploymentId) {
        return new DomainException.NotFound("Deployment " + deploymentId + " was not found.");
    }

    private static List<DeploymentNode> nodes(long deploymentId) {
        return DeploymentNode.list("deploymentId = ?1 order by id", deploymentId);
    }

    private static DeploymentNode node(long deploymentId, long nodeId) {
        return DeploymentNode.<DeploymentNode>find("deploymentId = ?1 and nodeId = ?2", deploymentId, nodeId).firstResult();
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
