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
 * <p>Only the replica holding a node's stream can reach it. With several Supervisor replicas, a request
 * for a node linked to another replica finds no session here and reports that node with an error; relaying
 * it to the right replica (through the database or a message bus) is the seam left open in {@link #open}.
 */
@ApplicationScoped
public class LogRelay {

    private record Pending(long nodeId, Consumer<LogChunk> consumer) {
    }

    @Inject
    LinkSessions sessions;

    @Inject
    Ids ids;

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    /**
     * Sends the request to the node's Warden if it is linked to this replica, and routes the answers to
     * {@code consumer} until {@link #close}. Returns the request id, or 0 when the node cannot be reached.
     */
    public long open(long nodeId, LogRequest.Builder request, Consumer<LogChunk> consumer) {
        WardenSession session = sessions.of(nodeId).filter(s -> !s.done()).orElse(null);
        if (session == null) {
            return 0;
        }
        long requestId = ids.next();
        pending.put(requestId, new Pending(nodeId, consumer));
        if (!session.send(SupervisorMessage.newBuilder().setLogRequest(request.setRequestId(requestId)).build())) {
            pending.remove(requestId);
            return 0;
        }
        return requestId;
    }

    /** Forgets the request; a follow is told to stop on the node. */
    public void close(long requestId, boolean following) {
        Pending removed = pending.remove(requestId);
        if (removed != null && following) {
            sessions.of(removed.nodeId()).ifPresent(session -> session.send(SupervisorMessage.newBuilder()
                    .setLogRequest(LogRequest.newBuilder().setRequestId(requestId).setCancel(true)).build()));
        }
    }

    /** An answer from a node's stream; answers to requests of other nodes are dropped. */
    public void deliver(long nodeId, LogChunk chunk) {
        Pending target = pending.get(chunk.getRequestId());
        if (target != null && target.nodeId() == nodeId) {
            target.consumer().accept(chunk);
        }
    }

    /** Requests waiting here; for tests. */
    int pendingCount() {
        return pending.size();
    }
}
