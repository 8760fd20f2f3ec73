package io.lodestar.warden.link;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.lodestar.protocol.v1.SupervisorMessage;
import io.lodestar.protocol.v1.WardenLinkGrpc;
import io.lodestar.protocol.v1.WardenMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link LinkStream} over the {@code WardenLink.Connect} call of grpc-java. */
final class GrpcLinkStream implements LinkStream {

    /** Marks the end in the inbox, after every message received before it. */
    private static final Object END = new Object();

    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Status> done = new CompletableFuture<>();
    private final Object sendLock = new Object();
    /** Guarded by sendLock. */
    private StreamObserver<WardenMessage> outbound;
    /** Guarded by sendLock: this side called onCompleted or onError. */
    private boolean outboundClosed;

    private GrpcLinkStream() {
    }

    static GrpcLinkStream open(Channel channel) {
        GrpcLinkStream stream = new GrpcLinkStream();
        synchronized (stream.sendLock) {
            stream.outbound = WardenLinkGrpc.newStub(channel).connect(stream.new Inbound());
        }
        return stream;
    }

    @Override
    public boolean send(WardenMessage message) {
        synchronized (sendLock) {
            if (outboundClosed || done.isDone()) {
                return false;
            }
            try {
                outbound.onNext(message);
                return true;
            } catch (RuntimeException e) {
                // The call was cancelled under us; the end arrives through Inbound.
                return false;
            }
        }
    }

    @Override
    public Optional<SupervisorMessage> incoming(Duration timeout) throws InterruptedException {
        Object next = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            return Optional.empty();
        }
        if (next == END) {
            inbox.add(END);
            return Optional.empty();
        }
        return Optional.of((SupervisorMessage) next);
    }

    @Override
    public CompletionStage<Status> done() {
        return done.minimalCompletionStage();
    }

    @Override
    public boolean isDone() {
        return done.isDone();
    }

    @Override
    public void closeWithError(Status status) {
        synchronized (sendLock) {
            if (!outboundClosed && !done.isDone()) {
                outboundClosed = true;
                outbound.onError(status.asRuntimeException());
            }
        }
        end(status);
    }

    @Override
    public void close() {
        synchronized (sendLock) {
            if (!outboundClosed && !done.isDone()) {
                outboundClosed = true;
                outbound.onCompleted();
            }
        }
    }

    private void end(Status status) {
        if (done.complete(status)) {
            inbox.add(END);
        }
    }

    private final class Inbound implements StreamObserver<SupervisorMessage> {

        @Override
        public void onNext(SupervisorMessage message) {
            if (!done.isDone()) {
                inbox.add(message);
            }
        }

        @Override
        public void onError(Throwable error) {
            end(Status.fromThrowable(error));
        }

        @Override
        public void onCompleted() {
            end(Status.OK);
        }
    }
}
