package io.lodestar.warden.link;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.lodestar.protocol.v1.EnrollRequest;
import io.lodestar.protocol.v1.EnrollResponse;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.Hello;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.protocol.v1.SupervisorMessage;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.protocol.v1.TaskUpdateAck;
import io.lodestar.protocol.v1.WardenLinkGrpc;
import io.lodestar.protocol.v1.WardenMessage;
import io.lodestar.protocol.v1.Welcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Supervisor for link tests: welcomes every Hello (or refuses it), records what the Warden
 * sends per kind, acknowledges terminal updates unless told not to, and lets the test push tasks
 * and drop the stream.
 */
public final class FakeSupervisor extends WardenLinkGrpc.WardenLinkImplBase {

    /** A heartbeat and when it arrived. */
    public record Beat(Heartbeat heartbeat, long receivedNanos) {
    }

    public final BlockingQueue<Hello> hellos = new LinkedBlockingQueue<>();
    public final BlockingQueue<TaskUpdate> updates = new LinkedBlockingQueue<>();
    public final BlockingQueue<RuntimeEvent> runtimeEvents = new LinkedBlockingQueue<>();
    public final List<Beat> beats = new CopyOnWriteArrayList<>();
    /** The kind of the first message of every stream, in order. */
    public final List<WardenMessage.BodyCase> firstMessages = new CopyOnWriteArrayList<>();
    public final AtomicInteger streams = new AtomicInteger();

    public volatile long heartbeatIntervalMs = 60_000;
    public volatile boolean acknowledge = true;
    public volatile Status refuseWith;
    private volatile Stream current;

    @Override
    public StreamObserver<WardenMessage> connect(StreamObserver<SupervisorMessage> responses) {
        streams.incrementAndGet();
        return new Stream(responses);
    }

    @Override
    public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> response) {
        if (!request.getToken().equals("good-token")) {
            response.onError(Status.PERMISSION_DENIED.withDescription("unknown or used token").asRuntimeException());
            return;
        }
        response.onNext(EnrollResponse.newBuilder().setNodeId(42).setNodeSecret("issued-secret").build());
        response.onCompleted();
    }

    public void push(Task task) {
        current().send(SupervisorMessage.newBuilder().setTask(task).build());
    }

    public void ack(long taskId, TaskState state) {
        current().send(SupervisorMessage.newBuilder()
                .setTaskUpdateAck(TaskUpdateAck.newBuilder().setTaskId(taskId).setState(state)).build());
    }

    /** Ends the current stream as a Supervisor going away would. */
    public void drop() {
        current().end(Status.UNAVAILABLE.withDescription("supervisor restarting"));
    }

    public boolean connected() {
        return current != null;
    }

    private Stream current() {
        Stream stream = current;
        if (stream == null) {
            throw new IllegalStateException("no Warden connected");
        }
        return stream;
    }

    public Hello nextHello(Duration timeout) throws InterruptedException {
        return take(hellos, timeout, "Hello");
    }

    public TaskUpdate nextUpdate(Duration timeout) throws InterruptedException {
        return take(updates, timeout, "TaskUpdate");
    }

    private static <T> T take(BlockingQueue<T> queue, Duration timeout, String what) throws InterruptedException {
        T item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new AssertionError("no " + what + " within " + timeout);
        }
        return item;
    }

    private final class Stream implements StreamObserver<WardenMessage> {

        private final StreamObserver<SupervisorMessage> responses;
        private boolean first = true;
        private boolean ended;

        Stream(StreamObserver<SupervisorMessage> responses) {
            this.responses = responses;
        }

        @Override
        public void onNext(WardenMessage message) {
            if (first) {
                firstMessages.add(message.getBodyCase());
                first = false;
            }
            switch (message.getBodyCase()) {
                case HELLO -> hello(message.getHello());
                case HEARTBEAT -> beats.add(new Beat(message.getHeartbeat(), System.nanoTime()));
                case TASK_UPDATE -> update(message.getTaskUpdate());
                case RUNTIME_EVENT -> runtimeEvents.add(message.getRuntimeEvent());
                default -> throw new AssertionError("unexpected " + message);
            }
        }

        private void hello(Hello hello) {
            hellos.add(hello);
            Status refusal = refuseWith;
            if (refusal != null) {
                end(refusal);
                return;
            }
            send(SupervisorMessage.newBuilder().setWelcome(Welcome.newBuilder()
                    .setHeartbeatIntervalMs(heartbeatIntervalMs)
                    .setHeartbeatTtlMs(heartbeatIntervalMs * 3)
                    .setServerTimeMs(System.currentTimeMillis())
                    .setSessionEpoch(streams.get())).build());
            current = this;
            if (acknowledge) {
                hello.getUnacknowledgedList().forEach(this::acknowledgeTerminal);
            }
        }

        private void update(TaskUpdate update) {
            updates.add(update);
            if (acknowledge) {
                acknowledgeTerminal(update);
            }
        }

        private void acknowledgeTerminal(TaskUpdate update) {
            if (update.getState() == TaskState.TASK_STATE_SUCCEEDED || update.getState() == TaskState.TASK_STATE_FAILED) {
                send(SupervisorMessage.newBuilder().setTaskUpdateAck(TaskUpdateAck.newBuilder()
                        .setTaskId(update.getTaskId()).setState(update.getState())).build());
            }
        }

        synchronized void send(SupervisorMessage message) {
            if (!ended) {
                responses.onNext(message);
            }
        }

        synchronized void end(Status status) {
            if (!ended) {
                ended = true;
                if (current == this) {
                    current = null;
                }
                responses.onError(status.asRuntimeException());
            }
        }

        @Override
        public synchronized void onError(Throwable error) {
            ended = true;
            if (current == this) {
                current = null;
            }
        }

        @Override
        public synchronized void onCompleted() {
            if (!ended) {
                ended = true;
                if (current == this) {
                    current = null;
                }
                responses.onCompleted();
            }
        }
    }
}
