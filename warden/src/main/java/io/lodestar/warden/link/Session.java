package io.lodestar.warden.link;

import io.grpc.Status;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.Hello;
import io.lodestar.protocol.v1.HostFacts;
import io.lodestar.protocol.v1.LogChunk;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.lodestar.protocol.v1.SupervisorMessage;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.protocol.v1.TaskUpdateAck;
import io.lodestar.protocol.v1.WardenMessage;
import io.lodestar.protocol.v1.Welcome;
import io.lodestar.warden.identity.NodeIdentity;
import io.lodestar.warden.logs.LogReplies;
import io.lodestar.warden.logs.LogRequests;
import io.lodestar.warden.state.TaskJournal;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Drives one link stream from Hello to its end: Hello, wait for the Welcome, then heartbeats at
 * the interval the Supervisor chose while tasks and acknowledgements come in.
 */
public final class Session {

    /** Told when the Supervisor welcomed the stream and when the stream ended. */
    public interface Listener {

        void welcomed(LinkStream stream, Welcome welcome);

        void ended(LinkStream stream);
    }

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration FALLBACK_HEARTBEAT = Duration.ofSeconds(10);

    private final NodeIdentity identity;
    private final String version;
    private final HostFacts host;
    private final TaskJournal journal;
    private final TaskIntake intake;
    private final Supplier<List<RuntimeStatus>> runtimes;
    private final Duration welcomeTimeout;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final AtomicLong heartbeatSeq = new AtomicLong();
    private final LogRequests logs;
    private final Consumer<Heartbeat.Builder> measurements;

    public Session(NodeIdentity identity, String version, HostFacts host, TaskJournal journal, TaskIntake intake,
            Supplier<List<RuntimeStatus>> runtimes, Duration welcomeTimeout, ScheduledExecutorService scheduler,
            Clock clock) {
        this(identity, version, host, journal, intake, runtimes, welcomeTimeout, scheduler, clock, null, heartbeat -> { });
    }

    /**
     * @param logs answers log requests; null on a Warden that serves none
     * @param measurements adds what the node measures to each heartbeat (its resources, its certificates' expiry)
     */
    public Session(NodeIdentity identity, String version, HostFacts host, TaskJournal journal, TaskIntake intake,
            Supplier<List<RuntimeStatus>> runtimes, Duration welcomeTimeout, ScheduledExecutorService scheduler,
            Clock clock, LogRequests logs, Consumer<Heartbeat.Builder> measurements) {
        this.logs = logs;
        this.measurements = measurements;
        this.identity = identity;
        this.version = version;
        this.host = host;
        this.journal = journal;
        this.intake = intake;
        this.runtimes = runtimes;
        this.welcomeTimeout = welcomeTimeout;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    SessionEnd run(LinkStream stream, Listener listener) throws InterruptedException {
        List<TaskUpdate> reported = journal.unacknowledged();
        Hello hello = Hello.newBuilder()
                .setNodeId(identity.nodeId())
                .setNodeSecret(identity.nodeSecret())
                .setWardenVersion(version)
                .setHost(host)
                .addAllUnacknowledged(reported)
                .build();
        if (!stream.send(WardenMessage.newBuilder().setHello(hello).build())) {
            return new SessionEnd(false, endStatus(stream));
        }
        Optional<Welcome> welcome = awaitWelcome(stream);
        if (welcome.isEmpty()) {
            return new SessionEnd(false, endStatus(stream));
        }
        listener.welcomed(stream, welcome.get());
        ScheduledFuture<?> heartbeats = null;
        try {
            resendMissed(stream, reported);
            heartbeats = scheduleHeartbeats(stream, welcome.get());
            while (true) {
                Optional<SupervisorMessage> message = stream.incoming(POLL);
                if (message.isPresent()) {
                    handle(message.get(), stream);
                } else if (stream.isDone()) {
                    return new SessionEnd(true, endStatus(stream));
                }
            }
        } finally {
            if (heartbeats != null) {
                heartbeats.cancel(false);
            }
            listener.ended(stream);
        }
    }

    private Optional<Welcome> awaitWelcome(LinkStream stream) throws InterruptedException {
        long deadline = clock.millis() + welcomeTimeout.toMillis();
        while (true) {
            long left = deadline - clock.millis();
            if (left <= 0) {
                stream.closeWithError(Status.DEADLINE_EXCEEDED.withDescription(
                        "no Welcome within " + welcomeTimeout.toMillis() + " ms of the Hello"));
                return Optional.empty();
            }
            Optional<SupervisorMessage> message = stream.incoming(Duration.ofMillis(Math.min(left, POLL.toMillis())));
            if (message.isPresent()) {
                if (message.get().hasWelcome()) {
                    return Optional.of(message.get().getWelcome());
                }
                stream.closeWithError(Status.INTERNAL.withDescription(
                        "expected a Welcome first, got " + message.get().getBodyCase()));
                return Optional.empty();
            }
            if (stream.isDone()) {
                return Optional.empty();
            }
        }
    }

    /** Outcomes that finished between the Hello and the Welcome were in neither; send them now. */
    private void resendMissed(LinkStream stream, List<TaskUpdate> reported) {
        Set<Long> inHello = new HashSet<>();
        reported.forEach(update -> inHello.add(update.getTaskId()));
        for (TaskUpdate update : journal.unacknowledged()) {
            if (!inHello.contains(update.getTaskId())) {
                stream.send(WardenMessage.newBuilder().setTaskUpdate(update).build());
            }
        }
    }

    private ScheduledFuture<?> scheduleHeartbeats(LinkStream stream, Welcome welcome) {
        Duration interval = welcome.getHeartbeatIntervalMs() > 0
                ? Duration.ofMillis(welcome.getHeartbeatIntervalMs()) : FALLBACK_HEARTBEAT;
        if (welcome.getHeartbeatIntervalMs() <= 0) {
            Log.warnf("the Welcome set no heartbeat interval; sending one every %d ms", interval.toMillis());
        }
        return scheduler.scheduleAtFixedRate(() -> heartbeat(stream), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void heartbeat(LinkStream stream) {
        try {
            Heartbeat.Builder heartbeat = Heartbeat.newBuilder()
                    .setSeq(heartbeatSeq.incrementAndGet())
                    .addAllRuntimes(runtimes.get());
            measurements.accept(heartbeat);
            stream.send(WardenMessage.newBuilder().setHeartbeat(heartbeat).build());
        } catch (RuntimeException e) {
            // An exception would cancel the schedule; a missed heartbeat is better than none after it.
            Log.errorf(e, "could not send a heartbeat");
        }
    }

    private void handle(SupervisorMessage message, LinkStream stream) {
        switch (message.getBodyCase()) {
            case LOG_REQUEST -> {
                if (logs != null) {
                    logs.receive(message.getLogRequest(), logReplies(stream));
                }
            }
            case TASK -> intake.receive(message.getTask());
            case TASK_UPDATE_ACK -> {
                TaskUpdateAck ack = message.getTaskUpdateAck();
                journal.acknowledge(ack.getTaskId(), ack.getState());
            }
            case WELCOME -> Log.debug("ignoring a second Welcome on the same stream");
            case BODY_NOT_SET -> Log.debug("ignoring an empty message from the Supervisor");
        }
    }

    private static LogReplies logReplies(LinkStream stream) {
        return new LogReplies() {
            @Override
            public boolean send(LogChunk chunk) {
                return stream.send(WardenMessage.newBuilder().setLogChunk(chunk).build());
            }

            @Override
            public boolean isDone() {
                return stream.isDone();
            }
        };
    }

    private static Status endStatus(LinkStream stream) {
        return stream.isDone() ? stream.done().toCompletableFuture().join() : Status.UNKNOWN;
    }
}
