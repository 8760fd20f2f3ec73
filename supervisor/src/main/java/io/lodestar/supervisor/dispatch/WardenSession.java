package io.lodestar.supervisor.dispatch;

import java.time.Instant;
import java.util.concurrent.Executor;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.lodestar.protocol.v1.SupervisorMessage;

/**
 * One Warden's open stream, as the rest of the Supervisor sees it: {@link #send}, {@link #closeWithError}
 * and whether it is {@link #done}. Nothing follows a terminal call, and sends are serialised because a
 * gRPC stream observer is not thread-safe.
 */
public final class WardenSession {

    private final long nodeId;
    private final long epoch;
    private final StreamObserver<SupervisorMessage> outbound;
    private final Executor inbox;
    private volatile Instant lastHeartbeat;
    private boolean done;

    public WardenSession(long nodeId, long epoch, StreamObserver<SupervisorMessage> outbound, Executor inbox, Instant now) {
        this.nodeId = nodeId;
        this.epoch = epoch;
        this.outbound = outbound;
        this.inbox = inbox;
        this.lastHeartbeat = now;
    }

    public long nodeId() {
        return nodeId;
    }

    public long epoch() {
        return epoch;
    }

    /** Where this session's incoming messages are handled, in order. */
    public Executor inbox() {
        return inbox;
    }

    Instant lastHeartbeat() {
        return lastHeartbeat;
    }

    public void heartbeat(Instant at) {
        lastHeartbeat = at;
    }

    /** Sends unless the stream has ended; returns whether the message went out. */
    public synchronized boolean send(SupervisorMessage message) {
        if (done || isCancelled()) {
            return false;
        }
        try {
            outbound.onNext(message);
            return true;
        } catch (RuntimeException e) {
            done = true;
            return false;
        }
    }

    public synchronized void closeWithError(Status status) {
        if (done) {
            return;
        }
        done = true;
        try {
            outbound.onError(status.asRuntimeException());
        } catch (RuntimeException ignored) {
            // the transport is already gone; nothing more to tell the Warden
        }
    }

    /** Answers the Warden's end of the stream with ours. */
    public synchronized void complete() {
        if (done) {
            return;
        }
        done = true;
        try {
            outbound.onCompleted();
        } catch (RuntimeException ignored) {
            // the transport is already gone
        }
    }

    /** The Warden ended the stream or it broke: nothing more may be sent. */
    public synchronized void markDone() {
        done = true;
    }

    public synchronized boolean done() {
        return done || isCancelled();
    }

    private boolean isCancelled() {
        return outbound instanceof ServerCallStreamObserver<?> call && call.isCancelled();
    }
}
