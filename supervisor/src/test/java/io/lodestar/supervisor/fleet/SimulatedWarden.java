package io.lodestar.supervisor.fleet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.lodestar.protocol.v1.EnrollRequest;
import io.lodestar.protocol.v1.EnrollResponse;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.Hello;
import io.lodestar.protocol.v1.HostFacts;
import io.lodestar.protocol.v1.SupervisorMessage;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.protocol.v1.TaskUpdateAck;
import io.lodestar.protocol.v1.WardenLinkGrpc;
import io.lodestar.protocol.v1.WardenMessage;

/**
 * One simulated Warden: its own gRPC connection (its own channel, as a real Warden has), real
 * enrollment, the link stream with heartbeats at the interval the Welcome names, and tasks answered
 * after a configured latency, succeeding or failing at a configured rate. It reconnects after a
 * jittered 1–3 s when its stream ends. Like a real Warden's task journal, it keeps each outcome until the
 * Supervisor acknowledges it, sends the unacknowledged ones again with its next Hello, and answers a task it
 * already ran (pushed again) with its outcome instead of running it twice.
 */
final class SimulatedWarden {

    private final FleetStats stats;
    private final ScheduledExecutorService timers;
    private final FleetSimulator.Settings settings;
    private final ManagedChannel channel;
    private volatile StreamObserver<WardenMessage> outbound;
    private volatile ScheduledFuture<?> beating;
    private volatile boolean stopped;
    /** Whether the current stream was welcomed: a connection refused while the Supervisor is down ends none. */
    private volatile boolean welcomed;
    private long nodeId;
    private String secret;
    /** Outcomes not yet acknowledged, and every task ever received (its outcome once it has one). */
    private final Map<Long, TaskUpdate> unacknowledged = new ConcurrentHashMap<>();
    private final Map<Long, TaskUpdate> outcomes = new ConcurrentHashMap<>();

    SimulatedWarden(String host, int port, FleetSimulator.Settings settings, FleetStats stats, ScheduledExecutorService timers) {
        this.settings = settings;
        this.stats = stats;
        this.timers = timers;
        this.channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
    }

    long nodeId() {
        return nodeId;
    }

    void enroll(String token, int index) {
        EnrollResponse identity = WardenLinkGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
                .enroll(EnrollRequest.newBuilder().setToken(token).setWardenVersion("fleet-simulator")
                        .setHost(HostFacts.newBuilder().setHostname("sim-" + index).setOs("Linux").setArch("amd64")).build());
        nodeId = identity.getNodeId();
        secret = identity.getNodeSecret();
    }

    void connect() {
        outbound = WardenLinkGrpc.newStub(channel).connect(new StreamObserver<>() {
            @Override
            public void onNext(SupervisorMessage message) {
                if (message.hasWelcome()) {
                    welcomed = true;
                    stats.welcomed();
                    long interval = message.getWelcome().getHeartbeatIntervalMs();
                    beating = timers.scheduleAtFixedRate(SimulatedWarden.this::heartbeat,
                            ThreadLocalRandom.current().nextLong(interval), interval, TimeUnit.MILLISECONDS);
                } else if (message.hasTask()) {
                    received(message.getTask());
                } else if (message.hasTaskUpdateAck()) {
                    TaskUpdateAck ack = message.getTaskUpdateAck();
                    unacknowledged.computeIfPresent(ack.getTaskId(), (id, update) -> update.getState() == ack.getState() ? null : update);
                }
            }

            @Override
            public void onError(Throwable error) {
                ended();
            }

            @Override
            public void onCompleted() {
                ended();
            }
        });
        send(WardenMessage.newBuilder().setHello(Hello.newBuilder().setNodeId(nodeId).setNodeSecret(secret)
                .setWardenVersion("fleet-simulator").setHost(HostFacts.newBuilder().setHostname("sim"))
                .addAllUnacknowledged(unacknowledged.values())).build());
    }

    private void received(Task task) {
        stats.taskReceived(task.getTaskId());
        TaskUpdate accepted = update(task.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "");
        TaskUpdate known = outcomes.putIfAbsent(task.getTaskId(), accepted);
        if (known != null) { // pushed again: say where it stands, never run it twice
            send(WardenMessage.newBuilder().setTaskUpdate(known).build());
            return;
        }
        send(WardenMessage.newBuilder().setTaskUpdate(accepted).build());
        timers.schedule(() -> {
            boolean fails = ThreadLocalRandom.current().nextDouble() < settings.failureRate();
            TaskUpdate outcome = update(task.getTaskId(), fails ? TaskState.TASK_STATE_FAILED : TaskState.TASK_STATE_SUCCEEDED,
                    fails ? "simulated failure" : "simulated success");
            outcomes.put(task.getTaskId(), outcome);
            unacknowledged.put(task.getTaskId(), outcome);
            send(WardenMessage.newBuilder().setTaskUpdate(outcome).build());
            stats.taskFinished(fails);
        }, settings.taskLatencyMs(), TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
        send(WardenMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder().setSeq(System.nanoTime())).build());
        stats.heartbeat();
    }

    private void ended() {
        ScheduledFuture<?> beat = beating;
        if (beat != null) {
            beat.cancel(false);
        }
        if (welcomed) {
            welcomed = false;
            stats.streamEnded();
        }
        if (!stopped) {
            timers.schedule(this::connect, 1000 + ThreadLocalRandom.current().nextLong(2000), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void send(WardenMessage message) {
        try {
            outbound.onNext(message);
        } catch (RuntimeException closed) {
            // the stream ended; ended() reconnects
        }
    }

    private static TaskUpdate update(long taskId, TaskState state, String message) {
        return TaskUpdate.newBuilder().setTaskId(taskId).setState(state).setMessage(message).build();
    }

    void stop() {
        stopped = true;
        channel.shutdownNow();
    }
}
