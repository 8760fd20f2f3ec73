package io.lodestar.supervisor.deployment;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.LogContext;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentNode;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.placement.NodeRuntimeState;
import io.quarkus.logging.Log;

/**
 * The deployment state machine: the only place a deployment's status or a node's runtime state changes,
 * and the only writer of lifecycle events. Every change writes one event; an illegal transition
 * (see {@link DeploymentStatus}) is refused. Callers hold the deployment's row lock.
 */
@ApplicationScoped
public class DeploymentLifecycle {

    private static final Set<DeploymentStatus> AT_REST = EnumSet.of(DeploymentStatus.STOPPED, DeploymentStatus.FAILED);
    private static final Set<DeploymentStatus> UP = EnumSet.of(DeploymentStatus.RUNNING, DeploymentStatus.READY);

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    @Inject
    Event<DeploymentChanged> changedEvents;

    /** A new deployment enters the machine in {@code deploying}. */
    void begin(Deployment deployment, String message, long authorId) {
        deployment.status = DeploymentStatus.DEPLOYING;
        deployment.createdAt = clock.instant();
        deployment.updatedAt = deployment.createdAt;
        deployment.persist();
        record(deployment, DeploymentEventType.CREATED, message, null, authorId);
    }

    /** Moves the deployment to {@code next} and records why; refuses a transition the table does not allow. */
    void transition(Deployment deployment, DeploymentStatus next, DeploymentEventType why, String message, Long nodeId,
            Long authorId) {
        if (!deployment.status.canTransitionTo(next)) {
            throw new DomainException.IllegalTransition("Deployment " + deployment.id + " cannot go from "
                    + deployment.status.wireName() + " to " + next.wireName() + ".");
        }
        try (LogContext.Scope scope = LogContext.put(LogContext.DEPLOYMENT_ID, deployment.id)) {
            Log.infof("Deployment %d: %s -> %s (%s)", deployment.id, deployment.status.wireName(), next.wireName(), why.wireName());
        }
        deployment.status = next;
        deployment.updatedAt = clock.instant();
        if (next == DeploymentStatus.KILLED) {
            deployment.endedAt = deployment.updatedAt;
        }
        record(deployment, why, message, nodeId, authorId);
    }

    /** Records an event that leaves the deployment's status as it is. */
    void record(Deployment deployment, DeploymentEventType type, String message, Long nodeId, Long authorId) {
        DeploymentEvent event = new DeploymentEvent();
        event.id = ids.next();
        event.placeIn(deployment.scope());
        event.deploymentId = deployment.id;
        event.eventType = type;
        event.status = deployment.status;
        event.message = message;
        event.nodeId = nodeId;
        event.authorId = authorId;
        event.createdAt = clock.instant();
        event.persist();
        changedEvents.fire(new DeploymentChanged(deployment.scope(), deployment.id, type, deployment.status, message, nodeId));
    }

    /** Sets a node's runtime state (mirrored on its agent) and records it, without deriving the deployment's status. */
    void setNode(Deployment deployment, DeploymentNode node, NodeRuntimeState next, String message) {
        if (node.runtimeState == next) {
            return;
        }
        node.runtimeState = next;
        markAgent(node.nodeId, next);
        record(deployment, DeploymentEventType.of(next), message, node.nodeId, null);
    }

    /** A node's state as reported by its Warden, then the deployment's status derived from all its nodes. */
    void nodeReported(Deployment deployment, DeploymentNode node, NodeRuntimeState next, String message) {
        if (node.runtimeState == next) {
            return;
        }
        setNode(deployment, node, next, message);
        derive(deployment);
    }

    static void markAgent(long agentId, NodeRuntimeState state) {
        Agent.update("runtimeState = ?1 where id = ?2", state.wireName(), agentId);
    }

    /**
     * Derives the status from the nodes: failed if any failed, stopped if all stopped, ready if all
     * ready, running if all are up, deploying while any is starting. From stopped or failed, nodes that
     * come back (a start activity) pass through deploying, so every step stays a legal transition.
     */
    void derive(Deployment deployment) {
        if (deployment.status == DeploymentStatus.KILLED) {
            return;
        }
        List<DeploymentNode> nodes = DeploymentNode.list("deploymentId", deployment.id);
        Optional<DeploymentStatus> target = derivedStatus(nodes);
        if (target.isEmpty() || target.get() == deployment.status) {
            return;
        }
        String message = describe(target.get(), nodes.size());
        if (AT_REST.contains(deployment.status) && UP.contains(target.get())) {
            transition(deployment, DeploymentStatus.DEPLOYING, DeploymentEventType.STATUS_CHANGED,
                    "Runtimes were started on its nodes.", null, null);
        }
        if (deployment.status.canTransitionTo(target.get())) {
            transition(deployment, target.get(), DeploymentEventType.STATUS_CHANGED, message, null, null);
        } else {
            Log.debugf("Deployment %d stays %s (nodes suggest %s)", deployment.id, deployment.status, target.get());
        }
    }

    static Optional<DeploymentStatus> derivedStatus(List<DeploymentNode> nodes) {
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        if (nodes.stream().anyMatch(n -> n.runtimeState == NodeRuntimeState.FAILED)) {
            return Optional.of(DeploymentStatus.FAILED);
        }
        if (nodes.stream().allMatch(n -> n.runtimeState == NodeRuntimeState.STOPPED)) {
            return Optional.of(DeploymentStatus.STOPPED);
        }
        if (nodes.stream().allMatch(n -> n.runtimeState == NodeRuntimeState.READY)) {
            return Optional.of(DeploymentStatus.READY);
        }
        if (nodes.stream().allMatch(n -> n.runtimeState == NodeRuntimeState.READY || n.runtimeState == NodeRuntimeState.RUNNING)) {
            return Optional.of(DeploymentStatus.RUNNING);
        }
        if (nodes.stream().anyMatch(n -> n.runtimeState == NodeRuntimeState.STARTING)) {
            return Optional.of(DeploymentStatus.DEPLOYING);
        }
        return Optional.empty(); // some nodes up, some stopped on purpose: no status describes that better than the current one
    }

    private static String describe(DeploymentStatus status, int nodes) {
        String across = nodes == 1 ? "its node" : "all " + nodes + " nodes";
        return switch (status) {
            case READY -> "Health checks pass on " + across + ".";
            case RUNNING -> "The runtime processes are up on " + across + ".";
            case STOPPED -> "The runtimes were stopped on " + across + ".";
            case FAILED -> "A node's runtime failed; see the node events and its activities.";
            case DEPLOYING -> "Runtimes are being started on its nodes.";
            case KILLED -> "Deleted.";
        };
    }
}
