package io.lodestar.supervisor.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.grpc.Status;
import io.lodestar.protocol.v1.SupervisorMessage;
import io.lodestar.protocol.v1.Task;
import io.lodestar.supervisor.agent.AgentRevoked;

/**
 * The Warden streams open on this Supervisor replica, by node. Only delivery lives here: everything a
 * second replica would need (tasks, epochs, agent state) is in the database.
 */
@ApplicationScoped
public class LinkSessions {

    private final Map<Long, WardenSession> byNode = new ConcurrentHashMap<>();

    /** Registers the newest session of a node, closing an older one still open here. */
    public void register(WardenSession session) {
        WardenSession previous = byNode.put(session.nodeId(), session);
        if (previous != null && previous != session) {
            previous.closeWithError(Status.ABORTED.withDescription("A newer session of this node replaced this one."));
        }
    }

    /** Removes the session if it is still the registered one; returns whether it was. */
    public boolean unregister(WardenSession session) {
        return byNode.remove(session.nodeId(), session);
    }

    public Optional<WardenSession> of(long nodeId) {
        return Optional.ofNullable(byNode.get(nodeId));
    }

    public Collection<Long> connectedNodes() {
        return List.copyOf(byNode.keySet());
    }

    Collection<WardenSession> all() {
        return List.copyOf(byNode.values());
    }

    /** Ends the node's stream here, if it has one, unless it is a session newer than {@code staleEpoch}. */
    public void close(long nodeId, long staleEpoch, Status why) {
        WardenSession session = byNode.get(nodeId);
        if (session != null && session.epoch() <= staleEpoch) {
            session.closeWithError(why);
            unregister(session);
        }
    }

    /** Sends a task to the node's Warden if it is connected here; otherwise it waits in the outbox. */
    public boolean push(long nodeId, Task task) {
        WardenSession session = byNode.get(nodeId);
        return session != null && session.send(SupervisorMessage.newBuilder().setTask(task).build());
    }

    /** A deleted node's stream ends here as soon as its revocation commits. */
    void onAgentRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentRevoked revoked) {
        close(revoked.nodeId(), revoked.fencedEpoch(), Status.UNAUTHENTICATED.withDescription(
                "This node was deleted and its identity revoked; enroll the Warden again with a new token."));
    }
}
