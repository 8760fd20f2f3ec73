package io.lodestar.supervisor.observe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.protocol.v1.LogChunk;
import io.lodestar.protocol.v1.LogRequest;
import io.lodestar.protocol.v1.SupervisorMessage;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.dispatch.LinkSessions;
import io.lodestar.supervisor.dispatch.WardenSession;

/**
 * Carries log requests to the Wardens and their answers back to whoever asked. Log reads are
 * ephemeral, not tasks: nothing is written, and a request lives only as long as the caller waits.
 *
 * <p>Only the replica holding a node's stream can reach its Warden. With several Supervisor replicas, a request
 * for a node linked to another live replica is relayed through that one ({@link ReplicaLogClient}), which serves it
 * from its own sessions ({@link #openHere}, through {@link ReplicaLogRoute}); a relayed request is never relayed
 * again, so two replicas that disagree about a node cannot pass it back and forth.
 */
@ApplicationScoped
public class LogRelay {

    private record Pending(WardenSession session, Consumer<LogChunk> consumer) {

        long nodeId() {
            return session.nodeId();
        }
    }

    @Inject
    LinkSessions sessions;

    @Inject
    Ids ids;

    @Inject
    ReplicaLogClient replicas;

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Long, ReplicaLogClient.Relayed> relayed = new ConcurrentHashMap<>();

    /**
     * Sends the request to the node's Warden if it is linked to this replica, or else through the live replica
     * that holds it, and routes the answers to {@code consumer} until {@link #close}. Returns the request id, or 0
     * when the node cannot be reached.
     */
    public long open(long nodeId, LogRequest.Builder request, Consumer<LogChunk> consumer) {
        long requestId = openHere(nodeId, request, consumer);
        if (requestId != 0) {
            return requestId;
        }
        ReplicaLogClient.Holder holder = replicas.holderOf(nodeId).orElse(null);
        if (holder == null) {
            return 0;
        }
        long relayedId = ids.next();
        relayed.put(relayedId, replicas.open(holder, nodeId, request.setRequestId(relayedId).build(), consumer));
        return relayedId;
    }

    /** As {@link #open}, but only through a stream this replica holds: for a request another replica relayed here. */
    long openHere(long nodeId, LogRequest.Builder request, Consumer<LogChunk> consumer) {
        WardenSession session = sessions.of(nodeId).filter(s -> !s.done()).orElse(null);
        if (session == null) {
            return 0;
        }
        long requestId = ids.next();
        pending.put(requestId, new Pending(session, consumer));
        if (!session.send(SupervisorMessage.newBuilder().setLogRequest(request.setRequestId(requestId)).build())) {
            pending.remove(requestId);
            return 0;
        }
        return requestId;
    }

    /** Forgets the request; a follow is told to stop on the node, or on the replica it was relayed through. */
    public void close(long requestId, boolean following) {
        Pending removed = pending.remove(requestId);
        if (removed != null && following) {
            removed.session().send(SupervisorMessage.newBuilder()
                    .setLogRequest(LogRequest.newBuilder().setRequestId(requestId).setCancel(true)).build());
        }
        ReplicaLogClient.Relayed through = relayed.remove(requestId);
        if (through != null) {
            through.cancel();
        }
    }

    /**
     * A Warden's stream here ended: the requests sent through it end with an error chunk rather than wait for
     * answers that cannot come (the Warden may already be linked again, here or to another replica).
     */
    public void linkEnded(WardenSession ended, String why) {
        long nodeId = ended.nodeId();
        pending.forEach((requestId, request) -> {
            if (request.session() == ended && pending.remove(requestId, request)) {
                request.consumer().accept(LogChunk.newBuilder().setRequestId(requestId).setDone(true)
                        .setError("The link of node " + nodeId + "'s Warden to this Supervisor ended (" + why
                                + "); no more lines can come through it. Ask again once the node is online.").build());
            }
        });
    }

    /** An answer from a node's stream; answers to requests of other nodes are dropped. */
    public void deliver(long nodeId, LogChunk chunk) {
        Pending target = pending.get(chunk.getRequestId());
        if (target != null && target.nodeId() == nodeId) {
            target.consumer().accept(chunk);
        }
    }

    /** Requests waiting here, on a local Warden or on another replica; for tests. */
    int pendingCount() {
        return pending.size() + relayed.size();
    }
}
