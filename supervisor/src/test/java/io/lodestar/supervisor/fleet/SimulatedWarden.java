package io.lodestar.supervisor.fleet;

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
import io.lodestar.protocol.v1.WardenLinkGrpc;
import io.lodestar.protocol.v1.WardenMessage;

/**
 * One simulated Warden: its own gRPC connection (its own channel, as a real Warden has), real
 * enrollment, the link stream with heartbeats at the interval the Welcome names, and tasks answered
 * after a configured latency, succeeding or failing at a configured rate. It reconnects after a
 * jittered 1–3 s when its stream ends.
 */
final class SimulatedWarden {

    private final FleetStats stats;
    private final ScheduledExecutorService timers;
    private final FleetSimulator.Settings settings;
    private final ManagedChannel channel;
    private volatile StreamObserver<WardenMessage> outbound;
    private volatile ScheduledFuture<?> beating;
    private volatile boolean stopped;
    private long nodeId;
    private String secret;

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
                    stats.welcomed();
                    long interval = message.getWelcome().getHeartbeatIntervalMs();
                    beating = timers.scheduleAtFixedRate(SimulatedWarden.this::heartbeat,
                            ThreadLocalRandom.current().nextLong(interval), interval, TimeUnit.MILLISECONDS);
                } else if (message.hasTask()) {
                    received(message.getTask());
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
                .setWardenVersion("fleet-simulator").setHost(HostFacts.newBuilder().setHostname("sim"))).build());
    }

    private void received(Task task) {
        stats.taskReceived(task.getTaskId());
        send(update(task.getTaskId(), TaskState.TASK_STATE_ACCEPTED, ""));
        timers.schedule(() -> {
            boolean fails = ThreadLocalRandom.current().nextDouble() < settings.failureRate();
            send(update(task.getTaskId(), fails ? TaskState.TASK_STATE_FAILED : TaskState.TASK_STATE_SUCCEEDED,
                    fails ? "simulated failure" : "simulated success"));
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
        stats.streamEnded();
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

    private static WardenMessage update(long taskId, TaskState state, String message) {
        return WardenMessage.newBuilder().setTaskUpdate(TaskUpdate.newBuilder().setTaskId(taskId).setState(state)
                .setMessage(message)).build();
    }

    void stop() {
        stopped = true;
        channel.shutdownNow();
    }
}
