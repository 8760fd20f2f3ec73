package io.lodestar.supervisor;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.lodestar.protocol.v1.EnrollRequest;
import io.lodestar.protocol.v1.EnrollResponse;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.Hello;
import io.lodestar.protocol.v1.HostFacts;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.protocol.v1.LogChunk;
import io.lodestar.protocol.v1.LogRequest;
import io.lodestar.protocol.v1.SupervisorMessage;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.protocol.v1.TaskUpdateAck;
import io.lodestar.protocol.v1.WardenLinkGrpc;
import io.lodestar.protocol.v1.WardenMessage;
import io.lodestar.protocol.v1.Welcome;

/** A Warden that speaks the real link over real gRPC but runs nothing: the test decides every outcome. */
public final class FakeWarden implements AutoCloseable {

    private final ManagedChannel channel;
    private final BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    /** Tasks this Warden reported finished: a later push of one is a re-delivery, answered from the journal on a real node. */
    private final java.util.Set<Long> finished = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final BlockingQueue<TaskUpdateAck> acks = new LinkedBlockingQueue<>();
    private final BlockingQueue<LogRequest> logRequests = new LinkedBlockingQueue<>();
    private final CountDownLatch welcomed = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final java.util.concurrent.ScheduledExecutorService heartbeats =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "fake-warden-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
    private volatile Welcome welcome;
    private volatile Status endStatus;
    private volatile StreamObserver<WardenMessage> outbound;
    private long nodeId;
    private String secret;

    public FakeWarden(int port) {
        this(NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build());
    }

    /** Over a channel the test built, e.g. with TLS. */
    public FakeWarden(ManagedChannel channel) {
        this.channel = channel;
    }

    /** Enrolls reporting these host addresses (a cluster roster's default {@code ip}). */
    public FakeWarden enroll(String token, String... addresses) {
        EnrollResponse identity = WardenLinkGrpc.newBlockingStub(channel).enroll(EnrollRequest.newBuilder()
                .setToken(token).setWardenVersion("test")
                .setHost(HostFacts.newBuilder().setHostname("fake-node").setOs("Linux").setArch("amd64")
                        .addAllAddresses(java.util.List.of(addresses)))
                .build());
        this.nodeId = identity.getNodeId();
        this.secret = identity.getNodeSecret();
        return this;
    }

    public FakeWarden as(long nodeId, String secret) {
        this.nodeId = nodeId;
        this.secret = secret;
        return this;
    }

    /** The gRPC channel to the Supervisor, for calls besides the link (snapshot uploads). */
    public ManagedChannel channel() {
        return channel;
    }

    public long nodeId() {
        return nodeId;
    }

    public String secret() {
        return secret;
    }

    /** Opens the stream and sends Hello, with any updates the test wants re-sent. */
    public FakeWarden connect(TaskUpdate... unacknowledged) {
        outbound = WardenLinkGrpc.newStub(channel).connect(new StreamObserver<>() {
            @Override
            public void onNext(SupervisorMessage message) {
                if (message.hasWelcome()) {
                    welcome = message.getWelcome();
                    welcomed.countDown();
                } else if (message.hasTask()) {
                    tasks.add(message.getTask());
                } else if (message.hasTaskUpdateAck()) {
                    acks.add(message.getTaskUpdateAck());
                } else if (message.hasLogRequest()) {
                    logRequests.add(message.getLogRequest());
                }
            }

            @Override
            public void onError(Throwable error) {
                endStatus = Status.fromThrowable(error);
                ended.countDown();
            }

            @Override
            public void onCompleted() {
                endStatus = Status.OK;
                ended.countDown();
            }
        });
        Hello.Builder hello = Hello.newBuilder().setNodeId(nodeId).setNodeSecret(secret).setWardenVersion("test")
                .setHost(HostFacts.newBuilder().setHostname("fake-node"));
        for (TaskUpdate update : unacknowledged) {
            hello.addUnacknowledged(update);
        }
        send(WardenMessage.newBuilder().setHello(hello).build());
        return this;
    }

    public Welcome awaitWelcome() throws InterruptedException {
        if (!welcomed.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("No Welcome within 10 s; stream ended with " + endStatus);
        }
        return welcome;
    }

    public Status awaitEnd() throws InterruptedException {
        if (!ended.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("The stream did not end within 10 s");
        }
        return endStatus;
    }

    /** The next task not yet reported finished (delivery is at-least-once: a slow report can see its task pushed again). */
    public Task nextTask() throws InterruptedException {
        Task task = pollTask(10_000);
        if (task == null) {
            throw new AssertionError("No task arrived within 10 s");
        }
        return task;
    }

    public Task pollTask(long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        Task task = tasks.poll(millis, TimeUnit.MILLISECONDS);
        while (task != null && finished.contains(task.getTaskId())) {
            task = tasks.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        return task;
    }

    /** Waits for the Supervisor to acknowledge an update on this task, skipping acknowledgements of others. */
    public TaskUpdateAck awaitAck(long taskId, TaskState state) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            TaskUpdateAck ack = acks.poll(100, TimeUnit.MILLISECONDS);
            if (ack != null && ack.getTaskId() == taskId && ack.getState() == state) {
                return ack;
            }
        }
        throw new AssertionError("No acknowledgement of task " + taskId + " " + state + " within 10 s");
    }

    public void report(long taskId, TaskState state, String message) {
        send(WardenMessage.newBuilder().setTaskUpdate(update(taskId, state, message)).build());
    }

    /** Heartbeats every {@code millis} until closed, for tests that outlast the heartbeat TTL. */
    public FakeWarden beating(long millis) {
        java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();
        heartbeats.scheduleAtFixedRate(() -> {
            try {
                heartbeat(seq.incrementAndGet());
            } catch (RuntimeException closed) {
                // the stream ended; close() stops the beat
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Sends an update as built by the test (a failure kind, a pid). */
    public void report(TaskUpdate update) {
        send(WardenMessage.newBuilder().setTaskUpdate(update).build());
    }

    public void runtimeEvent(RuntimeEvent event) {
        send(WardenMessage.newBuilder().setRuntimeEvent(event).build());
    }

    /** Reports on a task naming the runtime process it runs as. */
    public void report(long taskId, TaskState state, String message, long pid) {
        send(WardenMessage.newBuilder().setTaskUpdate(update(taskId, state, message).toBuilder().setPid(pid)).build());
    }

    public void heartbeat(long seq) {
        send(WardenMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder().setSeq(seq)).build());
    }

    /** Heartbeats every 300 ms until closed, for tests that keep the stream longer than the TTL. */
    public FakeWarden keepBeating() {
        Thread beat = new Thread(() -> {
            long seq = 1_000_000;
            while (outbound != null && !Thread.currentThread().isInterrupted()) {
                try {
                    heartbeat(seq++);
                    Thread.sleep(300);
                } catch (InterruptedException | RuntimeException e) {
                    return;
                }
            }
        }, "fake-warden-heartbeat");
        beat.setDaemon(true);
        beat.start();
        return this;
    }

    public void heartbeat(Heartbeat heartbeat) {
        send(WardenMessage.newBuilder().setHeartbeat(heartbeat).build());
    }

    public LogRequest nextLogRequest() throws InterruptedException {
        LogRequest request = logRequests.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("No log request arrived within 10 s");
        }
        return request;
    }

    /** Answers a log request with these lines. */
    public void sendLogLines(LogRequest request, boolean done, String... lines) {
        send(WardenMessage.newBuilder().setLogChunk(LogChunk.newBuilder().setRequestId(request.getRequestId())
                .setRuntime(request.getRuntime()).addAllLines(java.util.List.of(lines)).setDone(done)).build());
    }

    public static TaskUpdate update(long taskId, TaskState state, String message) {
        return TaskUpdate.newBuilder().setTaskId(taskId).setState(state).setMessage(message).build();
    }

    private synchronized void send(WardenMessage message) {
        TaskState state = message.getTaskUpdate().getState();
        if (message.hasTaskUpdate() && (state == TaskState.TASK_STATE_SUCCEEDED || state == TaskState.TASK_STATE_FAILED)) {
            finished.add(message.getTaskUpdate().getTaskId());
        }
        outbound.onNext(message);
    }

    /** Ends the stream the polite way. */
    public synchronized void disconnect() {
        if (outbound != null) {
            outbound.onCompleted();
            outbound = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        heartbeats.shutdownNow();
        try {
            disconnect();
        } catch (RuntimeException ignored) {
            // already closed by the server
        }
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
