package io.lodestar.warden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.Hello;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.testsupport.net.FreePorts;
import io.lodestar.testsupport.standin.StandInCommand;
import io.lodestar.warden.config.WardenConfig;
import io.lodestar.warden.identity.IdentityFile;
import io.lodestar.warden.identity.NodeIdentity;
import io.lodestar.warden.link.FakeSupervisor;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Warden as assembled from its configuration, over real TCP to a fake Supervisor, running the
 * stand-in runtime as a real child process.
 */
class WardenAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final FakeSupervisor supervisor = new FakeSupervisor();
    private Server server;
    private WardenAgent agent;
    private long runtimePid;

    @BeforeEach
    void setUp() throws IOException {
        supervisor.heartbeatIntervalMs = 200;
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(supervisor).build().start();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (agent != null) {
            agent.stop();
        }
        server.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
        if (runtimePid > 0) {
            ProcessHandle.of(runtimePid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private WardenAgent agent(Map<String, String> extra) {
        int[] tcp = FreePorts.tcp(3);
        Map<String, String> properties = new HashMap<>(Map.of(
                "warden.state-dir", dir.resolve("state").toString(),
                "warden.supervisor.port", String.valueOf(server.getPort()),
                "warden.reconnect.initial", "50ms",
                "warden.reconnect.max", "500ms",
                "warden.runtimes.connectors.enabled", "false",
                "warden.runtimes.iggy.command", String.join(",", StandInCommand.of(RuntimeName.IGGY)),
                "warden.runtimes.iggy.working-dir", dir.resolve("iggy").toString(),
                "warden.runtimes.iggy.health-url", "http://127.0.0.1:" + tcp[0] + "/ping",
                "warden.runtimes.iggy.env", "IGGY_HTTP_ADDRESS=127.0.0.1:" + tcp[0] + ",IGGY_TCP_ADDRESS=127.0.0.1:"
                        + tcp[1] + ",IGGY_WEBSOCKET_ADDRESS=127.0.0.1:" + tcp[2] + ",IGGY_QUIC_ADDRESS=127.0.0.1:"
                        + FreePorts.udp()));
        properties.putAll(extra);
        WardenAgent created = new WardenAgent();
        created.config = new SmallRyeConfigBuilder()
                .withMapping(WardenConfig.class)
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .build()
                .getConfigMapping(WardenConfig.class);
        created.version = "test";
        return created;
    }

    private static Task task(long taskId, RuntimeAction.Action action) {
        return Task.newBuilder()
                .setTaskId(taskId)
                .setDeadlineMs(System.currentTimeMillis() + 60_000)
                .setRuntimeAction(RuntimeAction.newBuilder().setRuntime(Runtime.RUNTIME_IGGY).setAction(action))
                .build();
    }

    private Optional<RuntimeStatus> lastIggyStatus() {
        List<FakeSupervisor.Beat> beats = supervisor.beats;
        if (beats.isEmpty()) {
            return Optional.empty();
        }
        return beats.get(beats.size() - 1).heartbeat().getRuntimesList().stream()
                .filter(status -> status.getRuntime() == Runtime.RUNTIME_IGGY)
                .findFirst();
    }

    private TaskUpdate terminalUpdate() throws InterruptedException {
        assertThat(supervisor.nextUpdate(WAIT).getState()).isEqualTo(TaskState.TASK_STATE_ACCEPTED);
        TaskUpdate update = supervisor.nextUpdate(WAIT);
        while (update.getState() == TaskState.TASK_STATE_RUNNING) { // a spawned process reports RUNNING first
            update = supervisor.nextUpdate(WAIT);
        }
        return update;
    }

    @Test
    void enrollsConnectsAndRunsTheRuntimeWhichOutlivesTheWarden() throws InterruptedException {
        agent = agent(Map.of("warden.enrollment-token", "good-token"));
        agent.start();

        Hello hello = supervisor.nextHello(WAIT);
        assertThat(hello.getNodeId()).isEqualTo(42);
        assertThat(hello.getNodeSecret()).isEqualTo("issued-secret");
        assertThat(new IdentityFile(dir.resolve("state/identity.json")).read())
                .contains(new NodeIdentity(42, "issued-secret"));
        await().atMost(WAIT).until(supervisor::connected);

        supervisor.push(task(1, RuntimeAction.Action.ACTION_START));
        TaskUpdate started = terminalUpdate();
        assertThat(started.getState()).as(started.getMessage()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
        runtimePid = started.getPid();
        await().atMost(WAIT).until(() -> lastIggyStatus()
                .filter(status -> status.getRunning() && status.getPid() == runtimePid).isPresent());

        agent.stop();
        agent = null;
        await().atMost(WAIT).until(() -> !supervisor.connected());
        assertThat(ProcessHandle.of(runtimePid)).get().matches(ProcessHandle::isAlive);

        agent = agent(Map.of());
        agent.start();
        assertThat(supervisor.nextHello(WAIT).getNodeId()).isEqualTo(42);
        await().atMost(WAIT).until(supervisor::connected);
        supervisor.push(task(2, RuntimeAction.Action.ACTION_STOP));
        TaskUpdate stopped = terminalUpdate();
        assertThat(stopped.getState()).as(stopped.getMessage()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
        assertThat(stopped.getMessage()).isEqualTo("iggy stopped (pid " + runtimePid + ")");
        await().atMost(WAIT).until(() -> ProcessHandle.of(runtimePid).map(h -> !h.isAlive()).orElse(true));
    }
}
