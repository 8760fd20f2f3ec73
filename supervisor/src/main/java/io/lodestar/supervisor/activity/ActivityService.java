package io.lodestar.supervisor.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task.KindCase;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.common.ActionSpec;
import io.lodestar.supervisor.common.Counts;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.LogContext;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.common.Runtimes;
import io.lodestar.supervisor.common.Where;
import io.lodestar.supervisor.config.RuntimeConfig;
import io.lodestar.supervisor.config.RuntimeConfigService;
import io.lodestar.supervisor.dispatch.TaskFinished;
import io.lodestar.supervisor.dispatch.TaskService;
import io.lodestar.supervisor.limits.RequestLimits;
import io.lodestar.supervisor.operation.Operation;
import io.lodestar.supervisor.operation.OperationService;
import io.lodestar.supervisor.operation.OperationType;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentNode;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.placement.Deployments;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;

/**
 * Runtime actions on a deployment's nodes, one activity and one task per node and runtime: checks what the API asks
 * for ({@link #target}), writes the activities ({@link #plan}) and sends a node's when its rollout says so
 * ({@link #dispatch}); the only place an activity's status changes.
 */
@ApplicationScoped
public class ActivityService {

    @Inject
    Deployments deployments;

    @Inject
    TaskService tasks;

    @Inject
    RuntimeConfigService configs;

    @Inject
    OperationService operations;

    @Inject
    Event<ActivityFinished> finishedEvents;

    @Inject
    Event<ActivityCreated> createdEvents;

    @Inject
    Event<ReconfigureRequested> reconfigureRequests;

    @Inject
    Ids ids;

    @Inject
    RequestLimits limits;

    @Inject
    Clock clock;

    public record Filters(Optional<ActivityStatus> status, Optional<RuntimeName> runtime, Optional<String> action,
            Optional<Long> nodeId, Optional<Long> rolloutId) {
    }

    /** Where an action asked for through the API runs: the deployment, its chosen nodes and the kind of job. */
    public record Target(Deployment deployment, List<Long> nodes, OperationType job) {
    }

    /**
     * Checks an action asked for through the API (seeds 000/001) and resolves the nodes it targets.
     *
     * @param queue false: refuse (409) when a targeted node still processes an activity for this runtime,
     *     instead of letting the new one wait its turn on the node
     * @param force a reconfigure goes ahead even when its plan finds dangerous keys
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Target target(long tenantId, long deploymentId, RuntimeName runtime, ActionSpec action,
            Optional<List<Long>> requestedNodes, boolean queue, boolean force) {
        requestedNodes.ifPresent(nodes -> limits.nodes(nodes.size(), "nodes"));
        Deployment deployment = deployments.get(tenantId, deploymentId);
        if (deployment.status == DeploymentStatus.KILLED) {
            throw new DomainException.Conflict("Deployment " + deploymentId + " was deleted (killed); it runs nothing to act on.");
        }
        List<Long> members = deployments.nodeIds(deploymentId);
        List<Long> targets = requestedNodes.map(nodes -> selectNodes(deploymentId, members, nodes)).orElse(members);
        if (targets.isEmpty()) {
            throw new DomainException.Conflict("Deployment " + deploymentId + " has no nodes to act on.");
        }
        OperationType job = OperationType.RUNTIME_ACTION;
        if (action.kind() == ActionSpec.Kind.RECONFIGURE) {
            RuntimeConfig config = configs.forReconfigure(deploymentId, runtime, action.configId());
            reconfigureRequests.fire(new ReconfigureRequested(deploymentId, targets, runtime, config, force));
            job = OperationType.CONFIG_ROLLOUT;
        }
        if (!queue) {
            refuseWhileProcessing(targets, runtime);
        }
        return new Target(deployment, targets, job);
    }

    /**
     * Writes the activities of an action on these runtimes and nodes, {@code processing} with {@code waiting} as
     * their message, without sending anything: {@link #dispatch} sends a node's when its turn comes.
     */
    public List<Activity> plan(Deployment deployment, List<Long> nodeIds, List<RuntimeName> runtimes, ActionSpec action,
            long authorId, long rolloutId, String waiting) {
        Instant now = clock.instant();
        List<Activity> created = new ArrayList<>();
        for (RuntimeName runtime : runtimes) {
            for (long nodeId : nodeIds) {
                Activity activity = new Activity();
                activity.id = ids.next();
                activity.placeIn(deployment.scope());
                activity.deploymentId = deployment.id;
                activity.authorId = authorId;
                activity.runtime = runtime.wireName();
                activity.action = action.wireName();
                activity.nodeId = nodeId;
                activity.status = ActivityStatus.PROCESSING;
                activity.rolloutId = rolloutId;
                activity.message = waiting;
                activity.createdAt = now;
                activity.persist();
                created.add(activity);
                createdEvents.fire(new ActivityCreated(activity.id, deployment.id));
            }
        }
        return created;
    }

    /**
     * Sends one node's planned activities, in the caller's transaction: one operation for the node (a {@code job}
     * titled {@code title}) and one task per activity, attached to it, so the operation ends when they have. The
     * tasks go out once the caller commits; one not accepted within {@code deliveryTimeout} ends
     * {@code delivery_timeout}, one accepted and not done within {@code executionTimeout} on its node ends
     * {@code execution_timeout}.
     */
    public void dispatch(Deployment deployment, long nodeId, List<Activity> planned, OperationType job, String title,
            Duration deliveryTimeout, Duration executionTimeout) {
        String names = planned.stream().map(a -> a.runtime).distinct().collect(Collectors.joining(", "));
        Operation operation = operations.begin(deployment, nodeId, job, title,
                planned.get(0).action + " " + names + " on agent " + nodeId + ".", null);
        for (Activity activity : planned) {
            activity.message = null;
            RuntimeAction request = request(deployment, nodeId, Runtimes.parse(activity.runtime),
                    ActionSpec.parse(activity.action));
            // Attached first: a task that ends at once (its node was deleted) still ends its operation.
            operations.attach(operation, activity.id);
            tasks.create(nodeId, activity.id, request, deliveryTimeout, executionTimeout); // the task shares the activity's id
        }
    }

    /** Shows why a planned activity still waits (its batch, the quorum guard), in its message. */
    public void waiting(Activity activity, String why) {
        if (activity.status == ActivityStatus.PROCESSING) {
            activity.message = why;
        }
    }

    /** Ends a planned activity that was never sent: {@code rejected} with the reason; nothing ran on its node. */
    public void endUnsent(Activity activity, ActivityReason reason, String message) {
        finish(activity, ActivityStatus.REJECTED, reason, message);
    }

    /**
     * Withdraws a sent activity whose node cannot have received it yet (pending, Warden not connected): it ends
     * {@code rejected}, {@code cancelled}, with {@code message}. Returns false when the node may already run it.
     */
    public boolean withdraw(Activity activity, String message) {
        return activity.status == ActivityStatus.PROCESSING && tasks.withdrawIfUndelivered(activity.id, message);
    }

    /** Whether a task was ever written for this activity (it was sent, or is on its way). */
    public boolean sent(Activity activity) {
        return tasks.stateOf(activity.id).isPresent();
    }

    /**
     * The link message of the action; a reconfigure carries its config's content and checksum from now on, and the
     * Iggy server of a cluster replica its replica id (every action, so a node that left a cluster drops the flag).
     */
    private RuntimeAction request(Deployment deployment, long nodeId, RuntimeName runtime, ActionSpec action) {
        long deploymentId = deployment.id;
        RuntimeAction.Builder request = RuntimeAction.newBuilder().setRuntime(runtime.proto()).setAction(action.kind().proto());
        if (runtime == RuntimeName.IGGY && deployment.isCluster()) {
            DeploymentNode.replicaIdOf(deploymentId, nodeId).ifPresent(request::setReplicaId);
        }
        if (action.kind() == ActionSpec.Kind.RECONFIGURE) {
            RuntimeConfig config = configs.forReconfigure(deploymentId, runtime, action.configId());
            request.setConfigId(config.id).setConfigContent(config.content).setConfigChecksum(config.checksum);
        }
        return request.build();
    }

    private void refuseWhileProcessing(List<Long> targets, RuntimeName runtime) {
        // Locking the nodes' rows in id order serialises two such requests, on any replica, for the same nodes.
        targets.stream().sorted().forEach(nodeId -> Agent.findById(nodeId, LockModeType.PESSIMISTIC_WRITE));
        List<Activity> busy = Activity.list("nodeId in ?1 and runtime = ?2 and status = ?3 order by id", targets,
                runtime.wireName(), ActivityStatus.PROCESSING);
        if (!busy.isEmpty()) {
            Activity first = busy.get(0);
            throw new DomainException.Conflict("Node " + first.nodeId + " is still processing activity " + first.id + " ("
                    + runtime.wireName() + " " + first.action + "); wait for it to end, or send the request without"
                    + " queue=false to run after it.");
        }
    }

    void onTaskFinished(@Observes TaskFinished finished) {
        if (finished.kind() != KindCase.RUNTIME_ACTION) {
            return;
        }
        Activity activity = Activity.findById(finished.taskId());
        if (activity == null) {
            return;
        }
        finish(activity, finished.succeeded() ? ActivityStatus.COMPLETED : ActivityStatus.REJECTED,
                reasonOf(finished), finished.message());
    }

    private static ActivityReason reasonOf(TaskFinished finished) {
        return switch (finished.end()) {
            case SUCCEEDED -> null;
            case NOT_DELIVERED -> ActivityReason.DELIVERY_TIMEOUT;
            case TIMED_OUT -> ActivityReason.EXECUTION_TIMEOUT;
            case WITHDRAWN -> ActivityReason.CANCELLED;
            case FAILED -> finished.message() != null && finished.message().startsWith("rolled back")
                    ? ActivityReason.ROLLED_BACK : ActivityReason.FAILED;
        };
    }

    private void finish(Activity activity, ActivityStatus next, ActivityReason reason, String message) {
        switch (next) {
            case COMPLETED, REJECTED -> {
                if (!activity.status.canTransitionTo(next)) {
                    throw new DomainException.IllegalTransition("Activity " + activity.id + " is already "
                            + activity.status.wireName() + " and cannot become " + next.wireName() + ".");
                }
                activity.status = next;
                activity.reason = next == ActivityStatus.REJECTED ? reason : null;
                activity.finishedAt = clock.instant();
                activity.message = message == null || message.isBlank() ? null : message;
                try (LogContext.Scope scope = LogContext.put(LogContext.DEPLOYMENT_ID, activity.deploymentId)) {
                    Log.infof("Activity %d (%s %s on node %d): %s%s", activity.id, activity.runtime, activity.action,
                            activity.nodeId, next.wireName(), activity.message == null ? "" : " - " + activity.message);
                }
                finishedEvents.fire(new ActivityFinished(activity.id, activity.deploymentId, next, activity.reason,
                        activity.rolloutId));
            }
            case PROCESSING -> throw new DomainException.IllegalTransition("An activity never returns to processing.");
        }
    }

    public long countSince(long deploymentId, Instant since, ActivityStatus status) {
        return Activity.count("deploymentId = ?1 and createdAt >= ?2 and status = ?3", deploymentId, since, status);
    }

    public Page<ActivityView> list(long tenantId, long deploymentId, Filters filters, PageRequest request) {
        deployments.get(tenantId, deploymentId);
        Where where = Where.of("deploymentId = :deployment", "deployment", deploymentId)
                .and(filters.status(), "status = :status", "status")
                .and(filters.runtime().map(RuntimeName::wireName), "runtime = :runtime", "runtime")
                .and(filters.action(), "action = :action", "action")
                .and(filters.nodeId(), "nodeId = :node", "node")
                .and(filters.rolloutId(), "rolloutId = :rollout", "rollout");
        PanacheQuery<Activity> query = Activity.find(where.newestFirst(), where.params());
        List<Activity> rows = request.rows(query);
        return Page.bounded(rows, Counts.upToLimit(Activity.class, where.clause(), where.params()),
                request, ActivityView::of);
    }

    public ActivityView get(long tenantId, long deploymentId, long activityId) {
        deployments.get(tenantId, deploymentId);
        Activity activity = Activity.<Activity>find("id = ?1 and deploymentId = ?2", activityId, deploymentId).firstResult();
        if (activity == null) {
            throw new DomainException.NotFound("Activity " + activityId + " was not found in deployment " + deploymentId + ".");
        }
        return ActivityView.of(activity);
    }

    private static List<Long> selectNodes(long deploymentId, List<Long> members, List<Long> requested) {
        if (requested.isEmpty()) {
            throw new DomainException.Invalid("nodes is empty; omit it (or send {}) to target every node, or list node ids.");
        }
        Set<Long> unique = new LinkedHashSet<>(requested);
        List<Long> strangers = unique.stream().filter(id -> !members.contains(id)).toList();
        if (!strangers.isEmpty()) {
            throw new DomainException.Invalid("These nodes are not part of deployment " + deploymentId + ": " + strangers
                    + ". Its nodes are " + members + ".");
        }
        return List.copyOf(unique);
    }
}
