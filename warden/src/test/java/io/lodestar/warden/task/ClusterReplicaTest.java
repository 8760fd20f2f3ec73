package io.lodestar.warden.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.testsupport.net.FreePorts;
import io.lodestar.testsupport.standin.IggyTokens;
import io.lodestar.testsupport.standin.StandInCommand;
import io.lodestar.warden.metrics.ClusterMembership;
import io.lodestar.warden.metrics.IggyViews;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.HttpHealthProbe;
import io.lodestar.warden.runtime.ProcessDriver;
import io.lodestar.warden.runtime.ProcessSpec;
import io.lodestar.warden.runtime.ReplicaFile;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.runtime.RuntimeProgress;
import io.lodestar.warden.runtime.SecretFile;
import io.lodestar.warden.runtime.SystemdDriver;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster replica's Iggy server run by each driver against real stand-in processes: the replica id the task
 * carries reaches the server as {@code --replica-id} (the process driver's argument; the systemd unit's
 * {@code $IGGY_REPLICA_ARGS} from the replica file), and a start counts as done only once
 * {@code /cluster/metadata} lists the replica.
 */
class ClusterReplicaTest {

    private static final int REPLICAS = 3;

    @TempDir
    Path dir;

    private Path configPath;
    private Path replicaPath;
    private Path tokenPath;
    private int[][] ports;
    private final List<RuntimeDriver> started = new ArrayList<>();

    /** A three-replica roster as Lodestar generates it; this node is replica 1, the others never start. */
    @BeforeEach
    void roster() throws IOException {
        ports = new int[REPLICAS][];
        StringBuilder toml = new StringBuilder("[cluster]\nenabled = true\nname = \"events\"\n");
        for (int i = 0; i < REPLICAS; i++) {
            int[] tcp = FreePorts.tcp(4);
            ports[i] = new int[] {tcp[0], FreePorts.udp(), tcp[1], tcp[2], tcp[3]};
            toml.append("\n[[cluster.nodes]]\nname = \"replica-").append(i).append("\"\nip = \"127.0.0.1\"\nreplica_id = ")
                    .append(i).append("\nports = { tcp = ").append(ports[i][0]).append(", quic = ").append(ports[i][1])
                    .append(", http = ").append(ports[i][2]).append(", websocket = ").append(ports[i][3])
                    .append(", tcp_replica = ").append(ports[i][4]).append(" }\n");
        }
        configPath = dir.resolve("etc/config.toml");
        Files.createDirectories(configPath.getParent());
        Files.writeString(configPath, toml);
        replicaPath = dir.resolve("run/iggy-replica.env");
        tokenPath = dir.resolve("iggy-token");
    }

    @AfterEach
    void stop() {
        started.forEach(RuntimeDriver::stop);
    }

    private URI health() {
        return URI.create("http://127.0.0.1:" + ports[1][2] + "/ping");
    }

    private RuntimeActionHandler handler(RuntimeDriver driver, Duration clusterTimeout) {
        started.add(driver);
        IggyViews views = new IggyViews(Map.of(RuntimeName.IGGY, health().toString()),
                new SecretFile(Optional.of(tokenPath)), new SecretFile(Optional.empty()), Clock.systemUTC());
        ClusterReplica replica = new ClusterReplica(new ReplicaFile(replicaPath),
                new ClusterMembership(views, Optional.of(configPath), Clock.systemUTC()), clusterTimeout);
        return new RuntimeActionHandler(new DriverRegistry(Map.of(RuntimeName.IGGY, driver)),
                new Reconfiguration(Map.of(RuntimeName.IGGY, configPath)), Optional.of(replica));
    }

    private ProcessDriver processDriver() {
        List<String> command = new ArrayList<>(StandInCommand.of(RuntimeName.IGGY));
        command.add("--with-default-root-credentials");
        ProcessSpec spec = new ProcessSpec(RuntimeName.IGGY, command, dir.resolve("work"),
                Map.of("IGGY_CONFIG_PATH", configPath.toString(), "IGGY_SYSTEM_PATH", dir.resolve("data").toString()),
                health(), dir.resolve("logs/iggy.log"), dir.resolve("run/iggy.pid"), Duration.ofSeconds(5),
                Duration.ofSeconds(20), Optional.of(new ReplicaFile(replicaPath)));
        return new ProcessDriver(spec, new HttpHealthProbe(Duration.ofMillis(500)), Clock.systemUTC());
    }

    private static Task action(RuntimeAction.Action action, int replicaId) {
        return Task.newBuilder().setTaskId(7).setRuntimeAction(RuntimeAction.newBuilder().setRuntime(Runtime.RUNTIME_IGGY)
                .setAction(action).setReplicaId(replicaId)).build();
    }

    private static List<String> arguments(long pid) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
        return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
    }

    @Test
    void theProcessDriverPassesTheReplicaIdAndTheStartWaitsForTheClusterToListIt() throws Exception {
        RuntimeActionHandler handler = handler(processDriver(), Duration.ofSeconds(10));

        TaskOutcome withoutToken = handler.run(action(RuntimeAction.Action.ACTION_START, 1), RuntimeProgress.NONE);

        assertThat(withoutToken.succeeded()).as(withoutToken.message()).isTrue();
        assertThat(arguments(withoutToken.pid())).containsSubsequence("--replica-id", "1");
        assertThat(Files.readString(replicaPath)).contains("IGGY_REPLICA_ARGS=\"--replica-id 1\"");
        assertThat(withoutToken.message()).contains("cluster membership not checked: the Iggy token file cannot be read");
        assertThat(Files.readString(dir.resolve("logs/iggy.log"))).contains("this is replica 1 of 3");

        Files.writeString(tokenPath, IggyTokens.personalAccessToken(ports[1][2], "iggy") + "\n");
        TaskOutcome withToken = handler.run(action(RuntimeAction.Action.ACTION_RESTART, 1), RuntimeProgress.NONE);

        assertThat(withToken.succeeded()).as(withToken.message()).isTrue();
        assertThat(withToken.pid()).isNotEqualTo(withoutToken.pid());
        assertThat(withToken.message()).endsWith("replica 1 ('replica-1') is healthy in cluster 'events' per /cluster/metadata");
    }

    @Test
    void aRestartTheClusterDoesNotConfirmFailsWithWhatTheClusterSaid() throws Exception {
        Files.writeString(tokenPath, "not-a-token\n");
        RuntimeActionHandler handler = handler(processDriver(), Duration.ofSeconds(1));

        TaskOutcome outcome = handler.run(action(RuntimeAction.Action.ACTION_START, 1), RuntimeProgress.NONE);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.pid()).as("the process runs; only the cluster did not confirm it").isPositive();
        assertThat(outcome.message()).contains("replica 1 ('replica-1') was not listed healthy in cluster 'events' within 1000 ms")
                .contains("401 from /cluster/metadata (the credentials were refused)");
    }

    @Test
    void aStartWithoutAReplicaIdRemovesTheFlagAndIggyRefusesClusterModeWithoutIt() throws Exception {
        RuntimeActionHandler handler = handler(processDriver(), Duration.ofSeconds(10));
        assertThat(handler.run(action(RuntimeAction.Action.ACTION_START, 1), RuntimeProgress.NONE).succeeded()).isTrue();

        Task plain = Task.newBuilder().setTaskId(8).setRuntimeAction(RuntimeAction.newBuilder()
                .setRuntime(Runtime.RUNTIME_IGGY).setAction(RuntimeAction.Action.ACTION_RESTART)).build();
        TaskOutcome outcome = handler.run(plain, RuntimeProgress.NONE);

        assertThat(replicaPath).doesNotExist();
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("cluster mode requires --replica-id");
    }

    @Test
    void theSystemdUnitReadsTheReplicaFileTheWardenWrites() throws Exception {
        Path systemctl = Path.of("").toAbsolutePath().getParent().resolve("test-support/bin/systemctl-standin");
        Path state = dir.resolve("systemctl");
        String command = StandInCommand.of(RuntimeName.IGGY).stream().map(ClusterReplicaTest::quote)
                .collect(Collectors.joining(" "));
        Path unit = state.resolve("units/iggy-server.service");
        Files.createDirectories(unit.getParent());
        // What the documented unit does: EnvironmentFile=-<replica file>, ExecStart=iggy-server $IGGY_REPLICA_ARGS
        Files.writeString(unit, "#!/bin/sh\n"
                + "[ -r " + quote(replicaPath.toString()) + " ] && . " + quote(replicaPath.toString()) + "\n"
                + "export IGGY_CONFIG_PATH=" + quote(configPath.toString()) + " IGGY_SYSTEM_PATH="
                + quote(dir.resolve("data").toString()) + "\n"
                + "exec " + command + " --with-default-root-credentials $IGGY_REPLICA_ARGS\n");
        Files.setPosixFilePermissions(unit, PosixFilePermissions.fromString("rwx------"));
        SystemdDriver driver = new SystemdDriver("iggy", List.of("env", "SYSTEMCTL_STANDIN_DIR=" + state, systemctl.toString()),
                "iggy-server.service", health(), new HttpHealthProbe(Duration.ofMillis(500)), Duration.ofSeconds(20),
                Duration.ofSeconds(30), Clock.systemUTC());
        RuntimeActionHandler handler = handler(driver, Duration.ofSeconds(10));

        TaskOutcome outcome = handler.run(action(RuntimeAction.Action.ACTION_START, 1), RuntimeProgress.NONE);

        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        assertThat(arguments(outcome.pid())).containsSubsequence("--replica-id", "1");
        assertThat(Files.readAllLines(state.resolve("calls.log"))).contains("start iggy-server.service");
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

}
