package io.lodestar.supervisor.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.activity.Activity;
import io.lodestar.supervisor.activity.ActivityReason;
import io.lodestar.supervisor.activity.ActivityService;
import io.lodestar.supervisor.activity.ActivityStatus;
import io.lodestar.supervisor.activity.ActivityView;
import io.lodestar.supervisor.common.ActionSpec;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.operation.OperationType;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.Deployments;

/**
 * Rollouts for the API and the deployment jobs: starting one ({@link #trigger}, {@link #runJob}), reading them, and
 * cancelling a rollout or one activity. The engine ({@link RolloutEngine}) moves them.
 */
@ApplicationScoped
public class RolloutService {

    @Inject
    ActivityService activities;

    @Inject
    RolloutEngine engine;

    @Inject
    Deployments deployments;

    @Inject
    SupervisorConfig config;

    /** What starting an action answers: the seed's activities, and the rollout that runs them. */
    public record Started(List<ActivityView> items, RolloutView rollout) {
    }

    /** What a cancel answers: the activities that ended cancelled, and those already on their nodes, which run to the end. */
    public record Cancelled(
            RolloutView rollout,
            @JsonProperty("cancelled_activity_ids") List<Long> cancelledActivityIds,
            @JsonProperty("still_running") List<StillRunning> stillRunning,
            String message) {
    }

    public record StillRunning(@JsonProperty("activity_id") long activityId, @JsonProperty("node_id") long nodeId,
            String message) {
    }

    /**
     * An action asked for through the API, rolled across the nodes it targets.
     *
     * @param force a reconfigure goes ahead even when its plan finds dangerous keys
     */
    @Transactional
    public Started trigger(long tenantId, long authorId, long deploymentId, RuntimeName runtime, ActionSpec action,
            Optional<List<Long>> nodes, boolean queue, boolean force, RolloutOptions options) {
        ActivityService.Target target = activities.target(tenantId, deploymentId, runtime, action, nodes, queue, force);
        RolloutOptions.Plan plan = options.resolve(action, target.nodes().size(), defaults());
        Deployment deployment = deployments.lock(tenantId, deploymentId);
        Rollout rollout = engine.begin(deployment, target.nodes(), List.of(runtime), action, authorId, target.job(),
                action.wireName() + " " + runtime.wireName(), plan);
        List<ActivityView> items = Activity.<Activity>list("rolloutId = ?1 order by id", rollout.id).stream()
                .map(ActivityView::of).toList();
        return new Started(items, RolloutView.of(rollout));
    }

    /**
     * A deployment job's action on all its runtimes on these nodes, in the caller's transaction (which holds the
     * deployment's row lock): every node at once, since the job brings nodes up from rest, adds or releases them.
     */
    public RolloutView runJob(Deployment deployment, List<Long> nodeIds, ActionSpec action, long authorId, OperationType job,
            String title) {
        return RolloutView.of(runJob(deployment, nodeIds, deployment.runtimeNames(), action, authorId, job, title));
    }

    /** As {@link #runJob(Deployment, List, ActionSpec, long, OperationType, String)}, on some of its runtimes only. */
    public Rollout runJob(Deployment deployment, List<Long> nodeIds, List<RuntimeName> runtimes, ActionSpec action,
            long authorId, OperationType job, String title) {
        RolloutOptions.Plan plan = new RolloutOptions("parallel", null, null, null, null, null, null, null)
                .resolve(action, nodeIds.size(), defaults());
        return engine.begin(deployment, nodeIds, runtimes, action, authorId, job, title, plan);
    }

    public Page<RolloutView> list(long tenantId, long deploymentId, PageRequest request) {
        deployments.get(tenantId, deploymentId);
        return Page.of(Rollout.<Rollout>find("deploymentId = ?1 order by id desc", deploymentId), request, RolloutView::of);
    }

    public RolloutView get(long tenantId, long deploymentId, long rolloutId) {
        return RolloutView.of(find(tenantId, deploymentId, rolloutId, false));
    }

    /**
     * Cancels a running rollout: nodes not yet sent end {@code cancelled} for certain (nothing ran); a node sent its
     * action but whose Warden is offline and never received it is withdrawn, also for certain; a node whose Warden
     * may have it runs it to the end and reports its true outcome, and the answer lists it.
     */
    @Transactional
    public Cancelled cancel(long tenantId, long authorId, long deploymentId, long rolloutId) {
        Deployment deployment = deployments.lock(tenantId, deploymentId);
        Rollout rollout = find(tenantId, deploymentId, rolloutId, true);
        if (RolloutState.ENDED.contains(rollout.state)) {
            throw new DomainException.Conflict("Rollout " + rolloutId + " already ended " + rollout.state.wireName()
                    + " (" + rollout.message + "); there is nothing left to cancel.");
        }
        String by = "cancelled by API key " + authorId;
        List<RolloutNode> nodes = RolloutEngine.nodesOf(rollout.id);
        List<Long> cancelled = new ArrayList<>();
        for (RolloutNode node : nodes) {
            if (node.state == RolloutNodeState.WAITING) {
                RolloutEngine.activitiesOf(rollout.id, node.nodeId).stream()
                        .filter(a -> a.status == ActivityStatus.PROCESSING).forEach(a -> cancelled.add(a.id));
            }
        }
        engine.skipWaiting(rollout, nodes, ActivityReason.CANCELLED, by + " before it was sent");
        engine.finish(rollout, RolloutState.CANCELLED, by + "."); // first: nothing more may be sent from here on
        List<StillRunning> running = new ArrayList<>();
        for (RolloutNode node : nodes) {
            if (node.state == RolloutNodeState.RUNNING) {
                for (Activity activity : RolloutEngine.activitiesOf(rollout.id, node.nodeId)) {
                    if (activity.status != ActivityStatus.PROCESSING) {
                        continue;
                    }
                    if (activities.withdraw(activity, by + "; node " + node.nodeId
                            + " was offline and never received the task, so nothing ran.")) {
                        cancelled.add(activity.id);
                    } else {
                        running.add(new StillRunning(activity.id, node.nodeId, "already sent to node " + node.nodeId
                                + "; it runs to the end and the activity reports its true outcome."));
                    }
                }
            }
        }
        String message = by + ": " + cancelled.size() + " activit" + (cancelled.size() == 1 ? "y" : "ies")
                + " cancelled before reaching a node; " + running.size() + " already on a node run to the end.";
        rollout.message = message;
        Activity.flush();
        return new Cancelled(RolloutView.of(rollout), cancelled, running, message);
    }

    /** Cancels one activity: as for a rollout, never silently; the rollout, if any, goes on without it. */
    @Transactional
    public Cancelled cancelActivity(long tenantId, long authorId, long deploymentId, long activityId) {
        Deployment deployment = deployments.lock(tenantId, deploymentId);
        Activity activity = Activity.<Activity>find("id = ?1 and deploymentId = ?2", activityId, deploymentId).firstResult();
        if (activity == null) {
            throw new DomainException.NotFound("Activity " + activityId + " was not found in deployment " + deploymentId + ".");
        }
        if (activity.status != ActivityStatus.PROCESSING) {
            throw new DomainException.Conflict("Activity " + activityId + " already ended " + activity.status.wireName()
                    + "; there is nothing left to cancel.");
        }
        String by = "cancelled by API key " + authorId;
        Rollout rollout = activity.rolloutId == null ? null : Rollout.findById(activity.rolloutId, LockModeType.PESSIMISTIC_WRITE);
        RolloutNode node = rollout == null ? null
                : RolloutNode.<RolloutNode>find("rolloutId = ?1 and nodeId = ?2", rollout.id, activity.nodeId).firstResult();
        boolean ended;
        if (node != null && node.state == RolloutNodeState.WAITING) {
            activities.endUnsent(activity, ActivityReason.CANCELLED, by + " before it was sent to node " + activity.nodeId
                    + "; nothing ran.");
            if (RolloutEngine.activitiesOf(rollout.id, node.nodeId).stream().noneMatch(a -> a.status == ActivityStatus.PROCESSING)) {
                node.state = RolloutNodeState.SKIPPED;
                node.message = by + " before it was sent.";
                node.finishedAt = rollout.updatedAt;
                engine.changed(rollout, "node_skipped", node);
            }
            engine.advance(rollout, deployment);
            ended = true;
        } else {
            ended = activities.withdraw(activity, by + "; node " + activity.nodeId
                    + " was offline and never received the task, so nothing ran.");
        }
        Activity.flush();
        String message = ended ? by + "; nothing ran on node " + activity.nodeId + "."
                : "not cancelled: already sent to node " + activity.nodeId
                        + "; it runs to the end and the activity reports its true outcome.";
        List<StillRunning> running = ended ? List.of() : List.of(new StillRunning(activity.id, activity.nodeId, message));
        return new Cancelled(rollout == null ? null : RolloutView.of(rollout), ended ? List.of(activity.id) : List.of(),
                running, message);
    }

    private Rollout find(long tenantId, long deploymentId, long rolloutId, boolean lock) {
        deployments.get(tenantId, deploymentId);
        Rollout rollout = lock ? Rollout.findById(rolloutId, LockModeType.PESSIMISTIC_WRITE) : Rollout.findById(rolloutId);
        if (rollout == null || rollout.deploymentId != deploymentId) {
            throw new DomainException.NotFound("Rollout " + rolloutId + " was not found in deployment " + deploymentId
                    + "; list them with GET /deployments/" + deploymentId + "/rollouts.");
        }
        return rollout;
    }

    /** What a request that leaves an option out gets: the Supervisor's settings. */
    public RolloutOptions.Defaults defaults() {
        return new RolloutOptions.Defaults(config.rollout().minHealthyTime(), config.rollout().quorumWait(),
                config.dispatch().deadline(), config.rollout().executionTimeout());
    }
}
