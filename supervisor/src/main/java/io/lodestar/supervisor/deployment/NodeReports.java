package io.lodestar.supervisor.deployment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.Task.KindCase;
import io.lodestar.supervisor.activity.Activity;
import io.lodestar.supervisor.activity.ActivityFinished;
import io.lodestar.supervisor.activity.ActivityReason;
import io.lodestar.supervisor.activity.ActivityStatus;
import io.lodestar.supervisor.agent.RuntimeExited;
import io.lodestar.supervisor.common.ActionSpec;
import io.lodestar.supervisor.dispatch.TaskRunning;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentNode;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.placement.Deployments;
import io.lodestar.supervisor.placement.NodeRuntimeState;

/**
 * What the nodes report, as the lower layers tell it through events: a runtime action finished, a runtime process
 * is up, a runtime exited on its own. Each moves the node's state and, through {@link DeploymentLifecycle}, the
 * deployment's status; every observer runs in the transaction that fired its event.
 */
@ApplicationScoped
public class NodeReports {

    private static final String STOP = ActionSpec.of(ActionSpec.Kind.STOP).wireName();

    @Inject
    DeploymentLifecycle lifecycle;

    @Inject
    Deployments deployments;

    /** A node's runtime action finished: its node's state follows, and the deployment's status from all nodes. */
    void onActivityFinished(@Observes ActivityFinished finished) {
        // The row lock orders concurrent reports on one deployment, so each derivation sees the others.
        Deployment deployment = Deployment.findById(finished.deploymentId(), LockModeType.PESSIMISTIC_WRITE);
        Activity activity = Activity.findById(finished.activityId());
        if (deployment == null || activity == null || deployment.status == DeploymentStatus.KILLED) {
            return;
        }
        DeploymentNode node = deployments.node(deployment.id, activity.nodeId);
        if (node == null) {
            return; // released by a scale-down meanwhile
        }
        boolean stop = isStop(activity);
        if (finished.status() == ActivityStatus.REJECTED) {
            if (finished.reason() != null && ActivityReason.WITHHELD.contains(finished.reason())) {
                return; // kept from the node (cancelled, not run, held by the quorum guard): its state stands
            }
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
    void onRuntimeExited(@Observes RuntimeExited exited) {
        long nodeId = exited.nodeId();
        RuntimeName runtime = exited.runtime();
        String message = exited.message();
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
        if (running.kind() != KindCase.RUNTIME_ACTION) {
            return;
        }
        Activity activity = Activity.findById(running.taskId()); // a runtime action's task has its activity's id
        if (activity == null || activity.status != ActivityStatus.PROCESSING || isStop(activity)) {
            return;
        }
        Deployment deployment = Deployment.findById(activity.deploymentId, LockModeType.PESSIMISTIC_WRITE);
        DeploymentNode node = deployment == null ? null : deployments.node(deployment.id, activity.nodeId);
        if (node == null || deployment.status == DeploymentStatus.KILLED || node.runtimeState == NodeRuntimeState.RUNNING) {
            return;
        }
        String detail = running.message() == null || running.message().isBlank() ? "" : " (" + running.message() + ")";
        lifecycle.nodeReported(deployment, node, NodeRuntimeState.RUNNING, activity.runtime + " process is up" + detail + ".");
    }

    private boolean startsStillRunning(long deploymentId, long nodeId) {
        return Activity.count("deploymentId = ?1 and nodeId = ?2 and status = ?3 and action <> ?4", deploymentId, nodeId,
                ActivityStatus.PROCESSING, STOP) > 0;
    }

    private static boolean isStop(Activity activity) {
        return activity.action.equals(STOP);
    }
}
