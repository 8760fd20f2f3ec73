package io.lodestar.supervisor.rollout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.activity.Activity;
import io.lodestar.supervisor.activity.ActivityFinished;
import io.lodestar.supervisor.activity.ActivityReason;
import io.lodestar.supervisor.activity.ActivityService;
import io.lodestar.supervisor.activity.ActivityStatus;
import io.lodestar.supervisor.agent.RuntimeExited;
import io.lodestar.supervisor.agent.RuntimeHealthChanged;
import io.lodestar.supervisor.common.ActionSpec;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.LogContext;
import io.lodestar.supervisor.operation.OperationType;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.placement.Deployments;
import io.quarkus.logging.Log;

/**
 * Runs rollouts. Nothing here waits or polls per rollout: a rollout moves when something happens to it, inside the
 * transaction that recorded it (an activity of its ended, a health gate's time came, the quorum guard may let it go
 * on, a cancel), and everything it knows is in its rows, so a Supervisor that restarts picks it up where it stood:
 * a node is sent its action in the same transaction that marks it running, so none is acted on twice or skipped.
 * Callers hold the deployment's row lock, then the rollout's.
 */
@ApplicationScoped
public class RolloutEngine {

    private static final String STOP = ActionSpec.of(ActionSpec.Kind.STOP).wireName();

    @Inject
    ActivityService activities;

    @Inject
    QuorumGuard guard;

    @Inject
    GateTimers gateTimers;

    @Inject
    HealthGate healthGate;

    @Inject
    Deployments deployments;

    @Inject
    Event<RolloutChanged> changes;

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    /** Writes the rollout, its nodes in batches and their activities (waiting), then starts its first batch. */
    Rollout begin(Deployment deployment, List<Long> nodeIds, List<RuntimeName> runtimes, ActionSpec action, long authorId,
            OperationType job, String title, RolloutOptions.Plan plan) {
        Instant now = clock.instant();
        Rollout rollout = new Rollout();
        rollout.id = ids.next();
        rollout.placeIn(deployment.scope());
        rollout.deploymentId = deployment.id;
        rollout.runtime = runtimes.stream().map(RuntimeName::wireName).collect(Collectors.joining(" "));
        rollout.action = action.wireName();
        rollout.job = job.wireName();
        rollout.title = title;
        rollout.strategy = plan.strategy();
        rollout.maxConcurrency = plan.maxConcurrency();
        rollout.maxErrors = plan.maxErrors();
        rollout.minHealthyMs = plan.minHealthyTime().toMillis();
        rollout.quorumWaitMs = plan.quorumWait().toMillis();
        rollout.deliveryTimeoutMs = plan.deliveryTimeout().toMillis();
        rollout.executionTimeoutMs = plan.executionTimeout().toMillis();
        rollout.quorumGuard = plan.quorumGuard();
        rollout.createdBy = authorId;
        rollout.state = RolloutState.RUNNING;
        rollout.failures = 0;
        rollout.currentBatch = 1;
        rollout.batches = (nodeIds.size() + plan.maxConcurrency() - 1) / plan.maxConcurrency();
        rollout.createdAt = now;
        rollout.updatedAt = now;
        rollout.persist();
        for (int i = 0; i < nodeIds.size(); i++) {
            RolloutNode node = new RolloutNode();
            node.id = ids.next();
            node.rolloutId = rollout.id;
            node.nodeId = nodeIds.get(i);
            node.position = i;
            node.batch = i / plan.maxConcurrency() + 1;
            node.state = RolloutNodeState.WAITING;
            node.message = waitingMessage(rollout, node);
            node.persist();
            activities.plan(deployment, List.of(node.nodeId), runtimes, action, authorId, rollout.id, node.message);
        }
        RolloutNode.flush();
        changed(rollout, "created", null);
        advance(rollout, deployment);
        return rollout;
    }

    /** Moves the rollout as far as it can go now. The caller holds the deployment's and the rollout's row locks. */
    void advance(Rollout rollout, Deployment deployment) {
        if (RolloutState.ENDED.contains(rollout.state)) {
            return;
        }
        Instant now = clock.instant();
        List<RolloutNode> nodes = nodesOf(rollout.id);
        for (RolloutNode node : nodes) {
            if (node.state == RolloutNodeState.GATING && !node.gateUntil.isAfter(now)) {
                endGate(rollout, deployment, node, now);
            }
        }
        if (deployment.status == DeploymentStatus.KILLED && !rollout.action.equals(STOP)) {
            stop(rollout, nodes, ActivityReason.NOT_RUN, "not run: deployment " + deployment.id + " was deleted",
                    "stopped: the deployment was deleted.");
            return;
        }
        if (rollout.failures > rollout.maxErrors) {
            stop(rollout, nodes, ActivityReason.NOT_RUN, "not run: rollout stopped after " + rollout.failures
                    + " failure(s) (max_errors " + rollout.maxErrors + ")", "stopped after " + rollout.failures
                    + " failure(s), more than max_errors " + rollout.maxErrors + ".");
            return;
        }
        while (rollout.currentBatch <= rollout.batches && batchEnded(nodes, rollout.currentBatch)) {
            rollout.currentBatch++;
        }
        if (rollout.currentBatch > rollout.batches) {
            finish(rollout, RolloutState.COMPLETED, rollout.failures == 0 ? "every node done."
                    : "every node done; " + rollout.failures + " failed, within max_errors " + rollout.maxErrors + ".");
            return;
        }
        int batch = rollout.currentBatch;
        List<RolloutNode> waiting = nodes.stream().filter(n -> n.batch == batch && n.state == RolloutNodeState.WAITING).toList();
        if (!waiting.isEmpty()) {
            QuorumGuard.Admission admission = rollout.quorumGuard
                    ? guard.admit(deployment.id, waiting)
                    : new QuorumGuard.Admission(waiting, null);
            for (RolloutNode node : admission.admitted()) {
                if (deployments.node(deployment.id, node.nodeId) == null && !rollout.action.equals(STOP)) {
                    skip(rollout, node, ActivityReason.NOT_RUN, "not run: node " + node.nodeId
                            + " was released from the deployment (scaled down) before its turn");
                } else {
                    send(rollout, deployment, node, now);
                }
            }
            if (admission.heldBecause() != null) {
                hold(rollout, nodes, waiting, admission, now);
                return;
            }
            rollout.heldSince = null;
            rollout.message = "batch " + batch + " of " + rollout.batches + " running.";
            if (batchEnded(nodes, batch)) { // every node of it was skipped: go on to the next batch now
                advance(rollout, deployment);
                return;
            }
        }
        rollout.updatedAt = now;
    }

    private void hold(Rollout rollout, List<RolloutNode> nodes, List<RolloutNode> waiting, QuorumGuard.Admission admission,
            Instant now) {
        if (rollout.heldSince == null) {
            rollout.heldSince = now;
        }
        Duration held = Duration.between(rollout.heldSince, now);
        if (held.toMillis() > rollout.quorumWaitMs) {
            String why = "not run: " + admission.heldBecause() + " The guard held the rollout for "
                    + Durations.format(held) + ", past quorum_wait " + Durations.format(Duration.ofMillis(rollout.quorumWaitMs));
            stop(rollout, nodes, ActivityReason.QUORUM_GUARD, why, "stopped by the quorum guard after "
                    + Durations.format(held) + ": " + admission.heldBecause());
            return;
        }
        boolean news = !admission.heldBecause().equals(rollout.message);
        rollout.message = admission.heldBecause();
        rollout.updatedAt = now;
        for (RolloutNode node : waiting) {
            if (!admission.admitted().contains(node)) {
                node.message = admission.heldBecause();
                activitiesOf(rollout.id, node.nodeId).forEach(a -> activities.waiting(a, admission.heldBecause()));
            }
        }
        if (news) {
            changed(rollout, "held", null);
        }
    }

    private void send(Rollout rollout, Deployment deployment, RolloutNode node, Instant now) {
        node.state = RolloutNodeState.RUNNING;
        node.startedAt = now;
        node.message = "sent to its Warden (batch " + node.batch + " of " + rollout.batches + ").";
        List<Activity> planned = activitiesOf(rollout.id, node.nodeId).stream()
                .filter(a -> a.status == ActivityStatus.PROCESSING).toList();
        if (!planned.isEmpty()) {
            activities.dispatch(deployment, node.nodeId, planned, OperationType.parse(rollout.job), rollout.title,
                    Duration.ofMillis(rollout.deliveryTimeoutMs),
                    rollout.executionTimeoutMs == null ? null : Duration.ofMillis(rollout.executionTimeoutMs));
        }
        try (LogContext.Scope scope = LogContext.put(LogContext.DEPLOYMENT_ID, deployment.id)) {
            Log.infof("Rollout %d: %s %s sent to node %d (batch %d of %d)", rollout.id, rollout.runtime, rollout.action,
                    node.nodeId, node.batch, rollout.batches);
        }
        changed(rollout, "node_started", node);
    }

    /**
     * A gate ends well when nothing went wrong during it: a runtime of the rollout that exits or stops answering its
     * health check in the meantime fails the node at once ({@link #onRuntimeExited}, {@link #onRuntimeHealthChanged});
     * here the heartbeats must vouch for its health now ({@link HealthGate}), or the gate waits for one that does.
     */
    private void endGate(Rollout rollout, Deployment deployment, RolloutNode node, Instant now) {
        HealthGate.Verdict verdict = healthGate.judge(rollout, node, now);
        if (verdict.waitUntil() != null) {
            node.gateUntil = verdict.waitUntil();
            if (!verdict.waiting().equals(node.message)) {
                node.message = verdict.waiting();
                changed(rollout, "node_gating", node);
            }
        } else if (verdict.passed()) {
            node.finishedAt = now;
            node.state = RolloutNodeState.SUCCEEDED;
            node.message = "healthy for " + Durations.format(Duration.ofMillis(rollout.minHealthyMs))
                    + " after its action, as its Warden's heartbeats report.";
            changed(rollout, "node_succeeded", node);
        } else {
            failGate(rollout, node, verdict.failure());
        }
    }

    private void failGate(Rollout rollout, RolloutNode node, String why) {
        node.state = RolloutNodeState.FAILED;
        node.finishedAt = clock.instant();
        node.message = why;
        rollout.failures++;
        changed(rollout, "node_failed", node);
    }

    /**
     * A Warden saw a runtime exit on its own: a node of a running rollout on that runtime, within its health gate,
     * did not stay healthy; it fails now and the rollout moves on (or stops, past max_errors).
     */
    void onRuntimeExited(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) RuntimeExited exited) {
        failGating(exited.nodeId(), exited.runtime(), exited.message());
    }

    /**
     * A node's heartbeats say a runtime stopped answering its health check: a node of a running rollout on that
     * runtime, within its health gate, did not stay healthy. (Wardens never report health from the middle of an
     * action, so this is not the action's own restart seen late.)
     */
    void onRuntimeHealthChanged(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) RuntimeHealthChanged changed) {
        if (!changed.healthy()) {
            failGating(changed.nodeId(), changed.runtime(), "its Warden's heartbeat at " + changed.at() + " says "
                    + changed.runtime().wireName() + " does not answer its health check (" + changed.detail() + ").");
        }
    }

    private void failGating(long nodeId, RuntimeName runtime, String what) {
        List<RolloutNode> gating = RolloutNode.list("nodeId = ?1 and state = ?2", nodeId, RolloutNodeState.GATING);
        for (RolloutNode candidate : gating) {
            Rollout unlocked = Rollout.findById(candidate.rolloutId);
            if (unlocked == null || !List.of(unlocked.runtime.split(" ")).contains(runtime.wireName())) {
                continue;
            }
            Deployment deployment = Deployment.findById(unlocked.deploymentId, LockModeType.PESSIMISTIC_WRITE);
            Rollout rollout = Rollout.findById(candidate.rolloutId, LockModeType.PESSIMISTIC_WRITE);
            RolloutNode.getEntityManager().refresh(candidate);
            if (candidate.state != RolloutNodeState.GATING) {
                continue;
            }
            failGate(rollout, candidate, "did not stay healthy for min_healthy_time "
                    + Durations.format(Duration.ofMillis(rollout.minHealthyMs)) + ": " + what);
            advance(rollout, deployment);
        }
    }

    /** Ends the rollout early: every node not yet sent ends rejected with {@code reason}; nodes in flight finish on their own. */
    private void stop(Rollout rollout, List<RolloutNode> nodes, ActivityReason reason, String nodeMessage, String message) {
        skipWaiting(rollout, nodes, reason, nodeMessage);
        finish(rollout, RolloutState.STOPPED, message);
    }

    /** Ends every waiting node's activities with the reason; nothing was sent to them. Returns how many nodes. */
    int skipWaiting(Rollout rollout, List<RolloutNode> nodes, ActivityReason reason, String message) {
        int skipped = 0;
        for (RolloutNode node : nodes) {
            if (node.state == RolloutNodeState.WAITING) {
                skip(rollout, node, reason, message);
                skipped++;
            }
        }
        return skipped;
    }

    private void skip(Rollout rollout, RolloutNode node, ActivityReason reason, String message) {
        node.state = RolloutNodeState.SKIPPED; // first: the activities' end must find the node already settled
        node.message = message;
        node.finishedAt = clock.instant();
        for (Activity activity : activitiesOf(rollout.id, node.nodeId)) {
            if (activity.status == ActivityStatus.PROCESSING) {
                activities.endUnsent(activity, reason, message + "; nothing was sent to node " + node.nodeId + ".");
            }
        }
        changed(rollout, "node_skipped", node);
    }

    void finish(Rollout rollout, RolloutState state, String message) {
        for (RolloutNode node : nodesOf(rollout.id)) {
            if (node.state == RolloutNodeState.GATING) { // its action completed healthy; no next batch waits on its gate
                node.state = RolloutNodeState.SUCCEEDED;
                node.finishedAt = clock.instant();
                node.message = "completed; the rollout ended (" + state.wireName() + ") during its health gate.";
                changed(rollout, "node_succeeded", node);
            }
        }
        rollout.state = state;
        rollout.message = message;
        rollout.heldSince = null;
        rollout.updatedAt = clock.instant();
        rollout.finishedAt = rollout.updatedAt;
        try (LogContext.Scope scope = LogContext.put(LogContext.DEPLOYMENT_ID, rollout.deploymentId)) {
            Log.infof("Rollout %d (%s %s): %s - %s", rollout.id, rollout.runtime, rollout.action, state.wireName(), message);
        }
        changed(rollout, state.wireName(), null);
    }

    /**
     * A rollout's activity ended: once all of its node's have, the node has failed, or enters its health gate (or is
     * done at once: a stop, or no min_healthy_time), and the rollout moves on. Runs after the observers that record
     * the node's new runtime state, in the same transaction.
     */
    void onActivityFinished(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) ActivityFinished finished) {
        if (finished.rolloutId() == null) {
            return;
        }
        Deployment deployment = Deployment.findById(finished.deploymentId(), LockModeType.PESSIMISTIC_WRITE);
        Rollout rollout = Rollout.findById(finished.rolloutId(), LockModeType.PESSIMISTIC_WRITE);
        Activity activity = Activity.findById(finished.activityId());
        if (deployment == null || rollout == null || activity == null) {
            return;
        }
        RolloutNode node = RolloutNode.find("rolloutId = ?1 and nodeId = ?2", rollout.id, activity.nodeId).firstResult();
        if (node == null || node.state != RolloutNodeState.RUNNING) {
            return; // settled already (skipped, cancelled before it was sent)
        }
        List<Activity> ofNode = activitiesOf(rollout.id, node.nodeId);
        if (ofNode.stream().anyMatch(a -> a.status == ActivityStatus.PROCESSING)) {
            return;
        }
        nodeReported(rollout, node, ofNode);
        advance(rollout, deployment);
        gateTimers.afterCommit(rollout.id, node.gateUntil);
    }

    private void nodeReported(Rollout rollout, RolloutNode node, List<Activity> ofNode) {
        Instant now = clock.instant();
        Optional<Activity> rejected = ofNode.stream().filter(a -> a.status == ActivityStatus.REJECTED).findFirst();
        if (rejected.isPresent() && ofNode.stream().filter(a -> a.status == ActivityStatus.REJECTED)
                .allMatch(a -> a.reason == ActivityReason.CANCELLED)) {
            node.state = RolloutNodeState.SKIPPED;
            node.finishedAt = now;
            node.message = rejected.get().message;
            changed(rollout, "node_skipped", node);
        } else if (rejected.isPresent()) {
            node.state = RolloutNodeState.FAILED;
            node.finishedAt = now;
            node.message = rejected.get().message;
            rollout.failures++;
            changed(rollout, "node_failed", node);
        } else if (rollout.action.equals(STOP) || rollout.minHealthyMs == 0 || RolloutState.ENDED.contains(rollout.state)) {
            node.state = RolloutNodeState.SUCCEEDED;
            node.finishedAt = now;
            node.healthyAt = now;
            node.message = rollout.action.equals(STOP) ? "stopped." : "completed; its health check passed.";
            changed(rollout, "node_succeeded", node);
        } else {
            node.state = RolloutNodeState.GATING;
            node.healthyAt = now;
            node.gateUntil = now.plusMillis(rollout.minHealthyMs);
            node.message = "completed; its health check passed; it must stay healthy until " + node.gateUntil + ".";
            changed(rollout, "node_gating", node);
        }
        rollout.updatedAt = now;
    }

    /** Moves one rollout in a transaction of its own (a gate's timer, the sweep, a restart's resume). */
    @Transactional
    public void advance(long rolloutId) {
        Rollout unlocked = Rollout.findById(rolloutId);
        if (unlocked == null || RolloutState.ENDED.contains(unlocked.state)) {
            return;
        }
        Deployment deployment = Deployment.findById(unlocked.deploymentId, LockModeType.PESSIMISTIC_WRITE);
        Rollout rollout = Rollout.findById(rolloutId, LockModeType.PESSIMISTIC_WRITE);
        Rollout.getEntityManager().refresh(rollout);
        advance(rollout, deployment);
        nodesOf(rolloutId).stream().filter(n -> n.state == RolloutNodeState.GATING).map(n -> n.gateUntil)
                .min(Comparator.naturalOrder()).ifPresent(at -> gateTimers.afterCommit(rolloutId, at));
    }

    /** Running rollouts that may move without an activity ending: a gate's time has come, or the guard holds them. */
    @Transactional
    public List<Long> due(int limit) {
        Instant now = clock.instant();
        return Rollout.getEntityManager().createQuery("select r.id from Rollout r where r.state = :running and ("
                + " r.heldSince is not null or exists (select n.id from RolloutNode n where n.rolloutId = r.id and"
                + " n.state = :gating and n.gateUntil <= :now) or not exists (select n.id from RolloutNode n where"
                + " n.rolloutId = r.id and n.state in (:busy))) order by r.id", Long.class)
                .setParameter("running", RolloutState.RUNNING).setParameter("gating", RolloutNodeState.GATING)
                .setParameter("now", now).setParameter("busy", List.of(RolloutNodeState.RUNNING, RolloutNodeState.GATING))
                .setMaxResults(limit).getResultList();
    }

    static List<RolloutNode> nodesOf(long rolloutId) {
        return RolloutNode.list("rolloutId = ?1 order by position", rolloutId);
    }

    static List<Activity> activitiesOf(long rolloutId, long nodeId) {
        return Activity.list("rolloutId = ?1 and nodeId = ?2 order by id", rolloutId, nodeId);
    }

    private static boolean batchEnded(List<RolloutNode> nodes, int batch) {
        return nodes.stream().filter(n -> n.batch == batch).allMatch(n -> RolloutNodeState.ENDED.contains(n.state));
    }

    private static String waitingMessage(Rollout rollout, RolloutNode node) {
        return "waiting for its batch: batch " + node.batch + " of " + rollout.batches + " (" + rollout.strategy.wireName()
                + ", " + rollout.maxConcurrency + " node(s) at a time).";
    }

    void changed(Rollout rollout, String change, RolloutNode node) {
        changes.fire(new RolloutChanged(rollout.tenantId, rollout.deploymentId, rollout.id, rollout.state.wireName(), change,
                node == null ? null : node.nodeId, node == null ? null : node.state.wireName(),
                node == null ? rollout.message : node.message));
    }
}
