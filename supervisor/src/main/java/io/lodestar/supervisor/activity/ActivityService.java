package io.lodestar.supervisor.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.placement.Deployments;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;

/**
 * Runs runtime actions on a deployment's nodes, one activity and one task per node and runtime, for the API
 * ({@link #trigger}) and the deployment jobs ({@link #run}); the only place an activity's status changes.
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
            Optional<Long> nodeId) {
    }

    /**
     * @param queue false: refuse (409) when a targeted node still processes an activity for this runtime,
     *     instead of letting the new one wait its turn on the node
     * @param force a reconfigure goes ahead even when its plan finds dangerous keys
     */
    @Transactional
    public List<ActivityView> trigger(long tenantId, long authorId, long deploymentId, RuntimeName runtime,
            ActionSpec action, Optional<List<Long>> requestedNodes, boolean queue, boolean force) {
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
        return run(deployment, targets, List.of(runtime), action, authorId, job, action.wireName() + " " + runtime.wireName())
                .stream().map(ActivityView::of).toList();
    }

    /**
     * Runs the action on these runtimes of the deployment on these nodes, in the caller's transaction: one
     * operation per node (a {@code job} titled {@code title}), and one activity and task per node and runtime,
     * attached to its node's operation, which ends when they have. The tasks go out once the caller commits.
     */
    public List<Activity> run(Deployment deployment, List<Long> nodeIds, List<RuntimeName> runtimes, ActionSpec action,
            long authorId, OperationType job, String title) {
        String names = runtimes.stream().map(RuntimeName::wireName).collect(Collectors.joining(", "));
        Map<Long, Operation> perNode = new HashMap<>();
        for (long nodeId : nodeIds) {
            perNode.put(nodeId, operations.begin(deployment, nodeId, job, title,
                    action.wireName() + " " + names + " on agent " + nodeId + ".", null));
        }
        Instant now = clock.instant();
        List<Activity> created = new ArrayList<>();
        for (RuntimeName runtime : runtimes) {
            RuntimeAction request = request(deployment.id, runtime, action);
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
                activity.createdAt = now;
                activity.persist();
                // Attached first: a task that ends at once (its node was deleted) still ends its operation.
                operations.attach(perNode.get(nodeId), activity.id);
                tasks.create(nodeId, activity.id, request); // the task shares the activity's id
                created.add(activity);
                createdEvents.fire(new ActivityCreated(activity.id, deployment.id));
            }
        }
        return created;
    }

    /** The link message of the action; a reconfigure carries its config's content and checksum from now on. */
    private RuntimeAction request(long deploymentId, RuntimeName runtime, ActionSpec action) {
        RuntimeAction.Builder request = RuntimeAction.newBuilder().setRuntime(runtime.proto()).setAction(action.kind().proto());
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
        finish(activity, finished.succeeded() ? ActivityStatus.COMPLETED : ActivityStatus.REJECTED, finished.message());
    }

    private void finish(Activity activity, ActivityStatus next, String message) {
        switch (next) {
            case COMPLETED, REJECTED -> {
                if (!activity.status.canTransitionTo(next)) {
                    throw new DomainException.IllegalTransition("Activity " + activity.id + " is already "
                            + activity.status.wireName() + " and cannot become " + next.wireName() + ".");
                }
                activity.status = next;
                activity.finishedAt = clock.instant();
                activity.message = message == null || message.isBlank() ? null : truncate(message);
                try (LogContext.Scope scope = LogContext.put(LogContext.DEPLOYMENT_ID, activity.deploymentId)) {
                    Log.infof("Activity %d (%s %s on node %d): %s%s", activity.id, activity.runtime, activity.action,
                            activity.nodeId, next.wireName(), activity.message == null ? "" : " - " + activity.message);
                }
                finishedEvents.fire(new ActivityFinished(activity.id, activity.deploymentId, next));
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
                .and(filters.nodeId(), "nodeId = :node", "node");
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

    private static String truncate(String message) {
        return message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    }
}
