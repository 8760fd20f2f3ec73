package io.lodestar.supervisor.dispatch;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.grpc.Status;
import io.lodestar.supervisor.agent.Agent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Closes streams held here that the database no longer backs: the node was deleted (revoked), or a newer
 * session of it opened on another replica. The epoch fence already refuses their reports; this ends them.
 */
@ApplicationScoped
public class SessionFence {

    @Inject
    LinkSessions sessions;

    @Scheduled(every = "${supervisor.dispatch.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Collection<Long> connected = sessions.connectedNodes();
        if (connected.isEmpty()) {
            return;
        }
        List<Agent> agents = QuarkusTransaction.joiningExisting().call(() -> Agent.list("id in ?1", connected));
        for (Agent agent : agents) {
            sessions.of(agent.id).filter(session -> agent.revokedAt != null || session.epoch() < agent.sessionEpoch)
                    .ifPresent(session -> sessions.close(agent.id, session.epoch(), agent.revokedAt != null
                            ? Status.UNAUTHENTICATED.withDescription("This node was deleted and its identity revoked;"
                                    + " enroll the Warden again with a new token.")
                            : Status.ABORTED.withDescription("A newer session of this node replaced this one.")));
        }
    }
}
