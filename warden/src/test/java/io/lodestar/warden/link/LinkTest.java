package io.lodestar.warden.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.Hello;
import io.lodestar.protocol.v1.HostFacts;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.protocol.v1.WardenMessage;
import io.lodestar.warden.identity.NodeIdentity;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.RuntimeExit;
import io.lodestar.warden.state.InMemoryTaskJournal;
import io.lodestar.warden.state.TaskJournal;
import io.lodestar.warden.task.Reconfiguration;
import io.lodestar.warden.task.RuntimeActionHandler;
import io.lodestar.warden.task.TaskHandlers;
import io.lodestar.warden.task.TaskLanes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link against a fake Supervisor over grpc-java's in-process transport. */
class LinkTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration REFUSED_DELAY = Duration.ofMillis(400);

    private final String serverName = InProcessServerBuilder.generateName();
    private final FakeSupervisor supervisor = new FakeSupervisor();
    private final CountingDriver iggy = new CountingDriver();
    private final TaskJournal journal = new InMemoryTaskJournal();
    private final TaskLanes lanes = new TaskLanes();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final CurrentStream current = new CurrentStream();
    private Server server;
    private ManagedChannel channel;
    private Link link;

    @BeforeEach
    void setUp() throws IOException {
        server = startServer();
        channel = InProcessChannelBuilder.forName(serverName).build();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (link != null) {
            link.stop(Duration.ofSeconds(1));
        }
        lanes.close(Duration.ofSeconds(1));
        scheduler.shutdownNow();
        channel.shutdownNow();
        server.shutdownNow().awaitTermination(1, TimeUnit.SECONDS);
    }

    private Server startServer() throws IOException {
        return InProcessServerBuilder.forName(serverName).addService(supervisor).build().start();
    }

    private void startLink() {
        DriverRegistry drivers = new DriverRegistry(Map.of(RuntimeName.IGGY, iggy));
        TaskHandlers handlers = new TaskHandlers(List.of(new RuntimeActionHandler(drivers, new Reconfiguration(Map.of()))));
        SupervisorClock supervisorClock = new SupervisorClock(Clock.systemUTC());
        TaskIntake intake = new TaskIntake(journal, handlers, lanes, current, supervisorClock::millis, java.time.Clock.systemUTC());
        Session session = new Session(new NodeIdentity(7, "secret-7"), "1.2.3",
                HostFacts.newBuilder().setHostname("node-a").setCpuCount(2).build(), journal, intake,
                drivers::statuses, Duration.ofSeconds(2), scheduler, Clock.systemUTC());
        Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), new Random(1));
        link = new Link(7, "in-process", new ChannelLinkConnector(channel), session, backoff, REFUSED_DELAY,
                supervisorClock, current);
        link.start();
    }

    private void startLinkAndAwaitWelcome() throws InterruptedException {
        startLink();
        supervisor.nextHello(WAIT);
        await().atMost(WAIT).until(() -> link.isConnected() && supervisor.connected());
    }

    private static Task start(long taskId) {
        return Task.newBuilder()
                .setTaskId(taskId)
                .setDeadlineMs(System.currentTimeMillis() + 60_000)
                .setRuntimeAction(RuntimeAction.newBuilder()
                        .setRuntime(Runtime.RUNTIME_IGGY)
                        .setAction(RuntimeAction.Action.ACTION_START))
                .build();
    }

    @Test
    void runtimeEventsGoOutWhileTheLinkIsUpAndWaitForItWhileItIsDown() throws InterruptedException {
        RuntimeEvents events = new RuntimeEvents(current);
        events.exited(new RuntimeExit(RuntimeName.IGGY, 11, 137, "iggy (pid 11) exited on its own with code 137", 1_000));

        startLinkAndAwaitWelcome();
        events.flush();

        RuntimeEvent held = supervisor.runtimeEvents.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(held).isEqualTo(RuntimeEvent.newBuilder().setRuntime(Runtime.RUNTIME_IGGY)
                .setKind(RuntimeEvent.Kind.KIND_EXITED).setPid(11).setExitCode(137)
                .setMessage("iggy (pid 11) exited on its own with code 137").setAtMs(1_000).build());
        events.exited(new RuntimeExit(RuntimeName.CONNECTORS, 12, -1, "connectors (pid 12) exited on its own", 2_000));
        RuntimeEvent live = supervisor.runtimeEvents.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(live.getRuntime()).isEqualTo(Runtime.RUNTIME_CONNECTORS);
        assertThat(live.getExitCode()).isEqualTo(-1);
        assertThat(supervisor.runtimeEvents).isEmpty();
    }

    @Test
    void helloComesFirstWithTheNodeIdentity() throws InterruptedException {
        startLink();

        Hello hello = supervisor.nextHello(WAIT);

        assertThat(supervisor.firstMessages).first().isEqualTo(WardenMessage.BodyCase.HELLO);
        assertThat(hello.getNodeId()).isEqualTo(7);
        assertThat(hello.getNodeSecret()).isEqualTo("secret-7");
        assertThat(hello.getWardenVersion()).isEqualTo("1.2.3");
        assertThat(hello.getHost().getHostname()).isEqualTo("node-a");
        assertThat(hello.getUnacknowledgedList()).isEmpty();
    }

    @Test
    void heartbeatsFollowTheIntervalFromTheWelcome() {
        supervisor.heartbeatIntervalMs = 100;
        startLink();

        await().atMost(WAIT).until(() -> supervisor.beats.size() >= 8);

        List<FakeSupervisor.Beat> beats = List.copyOf(supervisor.beats);
        long spanMs = TimeUnit.NANOSECONDS.toMillis(beats.get(7).receivedNanos() - beats.get(1).receivedNanos());
        assertThat(spanMs / 6.0).isBetween(70.0, 160.0);
        for (int i = 1; i < beats.size(); i++) {
            assertThat(beats.get(i).heartbeat().getSeq()).isGreaterThan(beats.get(i - 1).heartbeat().getSeq());
        }
        Heartbeat last = beats.get(beats.size() - 1).heartbeat();
        assertThat(last.getRuntimesList()).singleElement()
                .satisfies(status -> {
                    assertThat(status.getRuntime()).isEqualTo(Runtime.RUNTIME_IGGY);
                    assertThat(status.getRunning()).isFalse();
                });
    }

    @Test
    void aTaskIsAcceptedThenSucceeds() throws InterruptedException {
        startLinkAndAwaitWelcome();

        supervisor.push(start(1));

        TaskUpdate accepted = supervisor.nextUpdate(WAIT);
        TaskUpdate succeeded = supervisor.nextUpdate(WAIT);
        assertThat(accepted.getTaskId()).isEqualTo(1);
        assertThat(accepted.getState()).isEqualTo(TaskState.TASK_STATE_ACCEPTED);
        assertThat(succeeded.getTaskId()).isEqualTo(1);
        assertThat(succeeded.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
        assertThat(succeeded.getPid()).isEqualTo(CountingDriver.PID);
        assertThat(succeeded.getMessage()).isEqualTo("iggy started (pid 4242)");
        assertThat(iggy.starts).hasValue(1);
        await().atMost(WAIT).until(() -> journal.unacknowledged().isEmpty());
    }

    @Test
    void aStartReportsRunningWithThePidBeforeItsOutcome() throws InterruptedException {
        iggy.reportsRunning = true;
        startLinkAndAwaitWelcome();

        supervisor.push(start(1));

        assertThat(supervisor.nextUpdate(WAIT).getState()).isEqualTo(TaskState.TASK_STATE_ACCEPTED);
        TaskUpdate running = supervisor.nextUpdate(WAIT);
        assertThat(running.getState()).isEqualTo(TaskState.TASK_STATE_RUNNING);
        assertThat(running.getPid()).isEqualTo(CountingDriver.PID);
        assertThat(running.getMessage()).isEqualTo("iggy process up (pid 4242)");
        assertThat(supervisor.nextUpdate(WAIT).getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    }

    @Test
    void anUnacknowledgedUpdateIsResentInTheNextHello() throws InterruptedException {
        supervisor.acknowledge = false;
        startLinkAndAwaitWelcome();
        supervisor.push(start(2));
        supervisor.nextUpdate(WAIT);
        TaskUpdate succeeded = supervisor.nextUpdate(WAIT);

        supervisor.drop();

        Hello again = supervisor.nextHello(WAIT);
        assertThat(again.getUnacknowledgedList()).containsExactly(succeeded);
        assertThat(iggy.starts).hasValue(1);

        supervisor.acknowledge = true;
        await().atMost(WAIT).until(supervisor::connected);
        supervisor.ack(2, TaskState.TASK_STATE_SUCCEEDED);
        await().atMost(WAIT).until(() -> journal.unacknowledged().isEmpty());
        supervisor.drop();
        assertThat(supervisor.nextHello(WAIT).getUnacknowledgedList()).isEmpty();
    }

    @Test
    void aRedeliveredTaskIsNotRunTwice() throws InterruptedException {
        startLinkAndAwaitWelcome();
        iggy.holdStarts();

        supervisor.push(start(3));
        assertThat(supervisor.nextUpdate(WAIT).getState()).isEqualTo(TaskState.TASK_STATE_ACCEPTED);
        supervisor.push(start(3));
        iggy.releaseStarts();
        TaskUpdate outcome = supervisor.nextUpdate(WAIT);
        assertThat(outcome.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);

        supervisor.push(start(3));
        assertThat(supervisor.nextUpdate(WAIT)).isEqualTo(outcome);

        supervisor.drop();
        supervisor.nextHello(WAIT);
        await().atMost(WAIT).until(supervisor::connected);
        supervisor.push(start(3));
        assertThat(supervisor.nextUpdate(WAIT)).isEqualTo(outcome);
        assertThat(iggy.starts).hasValue(1);
    }

    @Test
    void aTaskPastItsDeadlineFailsWithoutActing() throws InterruptedException {
        startLinkAndAwaitWelcome();

        supervisor.push(start(4).toBuilder().setDeadlineMs(System.currentTimeMillis() - 1_000).build());

        TaskUpdate update = supervisor.nextUpdate(WAIT);
        assertThat(update.getState()).isEqualTo(TaskState.TASK_STATE_FAILED);
        assertThat(update.getMessage()).isEqualTo("deadline passed before the task started");
        assertThat(iggy.starts).hasValue(0);
    }

    @Test
    void reconfigureWithoutAConfigPathFailsWithoutTouchingTheRuntime() throws InterruptedException {
        startLinkAndAwaitWelcome();
        Task reconfigure = start(5).toBuilder().setRuntimeAction(RuntimeAction.newBuilder()
                .setRuntime(Runtime.RUNTIME_IGGY).setAction(RuntimeAction.Action.ACTION_RECONFIGURE).setConfigId(9))
                .build();

        supervisor.push(reconfigure);

        assertThat(supervisor.nextUpdate(WAIT).getState()).isEqualTo(TaskState.TASK_STATE_ACCEPTED);
        TaskUpdate update = supervisor.nextUpdate(WAIT);
        assertThat(update.getState()).isEqualTo(TaskState.TASK_STATE_FAILED);
        assertThat(update.getMessage()).contains("set warden.runtimes.iggy.config-path").endsWith("nothing was changed");
        assertThat(iggy.starts).hasValue(0);
    }

    @Test
    void itReconnectsAfterTheSupervisorGoesAwayAndComesBack() throws Exception {
        startLinkAndAwaitWelcome();

        server.shutdownNow().awaitTermination(1, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !link.isConnected());
        Thread.sleep(300);
        int streamsWhileAway = supervisor.streams.get();
        server = startServer();

        Hello hello = supervisor.nextHello(WAIT);
        assertThat(hello.getNodeId()).isEqualTo(7);
        await().atMost(WAIT).until(link::isConnected);
        assertThat(supervisor.streams.get()).isGreaterThan(streamsWhileAway);
    }

    @Test
    void aRefusedIdentityIsRetriedAtTheLongestInterval() throws InterruptedException {
        supervisor.refuseWith = Status.UNAUTHENTICATED.withDescription("unknown node or wrong secret");
        startLink();

        supervisor.nextHello(WAIT);
        long first = System.nanoTime();
        supervisor.nextHello(WAIT);
        long between = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - first);

        assertThat(between).isGreaterThanOrEqualTo(REFUSED_DELAY.toMillis() - 50);
        assertThat(link.isConnected()).isFalse();
        supervisor.refuseWith = null;
        await().atMost(WAIT).until(link::isConnected);
    }

    @Test
    void stoppingTheLinkEndsTheStreamCleanly() throws InterruptedException {
        startLinkAndAwaitWelcome();

        link.stop(Duration.ofSeconds(2));

        await().atMost(WAIT).until(() -> !supervisor.connected());
        assertThat(link.isConnected()).isFalse();
        link = null;
    }
}
