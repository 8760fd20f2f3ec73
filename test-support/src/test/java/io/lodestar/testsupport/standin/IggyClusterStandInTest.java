package io.lodestar.testsupport.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.testsupport.net.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [cluster]}, {@code [[cluster.nodes]]}, {@code --replica-id} and the on-disk identity. */
class IggyClusterStandInTest {

    private static final Duration HEALTHY = Duration.ofSeconds(15);
    private static final Duration EXIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Two replicas of one roster, as core/server/config.toml's [[cluster.nodes]] example. */
    private Path clusterConfig(String name, int[][] ports) throws Exception {
        StringBuilder toml = new StringBuilder("[cluster]\nenabled = true\nname = \"" + name + "\"\n\n");
        for (int i = 0; i < ports.length; i++) {
            toml.append("[[cluster.nodes]]\nname = \"iggy-node-").append(i + 1).append("\"\nip = \"127.0.0.1\"\n")
                    .append("replica_id = ").append(i).append('\n')
                    .append("ports = { tcp = ").append(ports[i][0]).append(", quic = ").append(ports[i][1])
                    .append(", http = ").append(ports[i][2]).append(", websocket = ").append(ports[i][3])
                    .append(", tcp_replica = ").append(ports[i][4]).append(" }\n\n");
        }
        Path file = dir.resolve("server.toml");
        Files.writeString(file, toml);
        return file;
    }

    private static int[][] rosterPorts(int replicas) {
        int[][] ports = new int[replicas][];
        for (int i = 0; i < replicas; i++) {
            int[] tcp = FreePorts.tcp(4);
            ports[i] = new int[] {tcp[0], FreePorts.udp(), tcp[1], tcp[2], tcp[3]};
        }
        return ports;
    }

    @Test
    void eachReplicaBindsItsRosterPortsAndTheMetadataListsTheRoster() throws Exception {
        // args.rs: "Every node runs the same configuration file ... told apart only by --replica-id";
        // bootstrap.rs:2808-2826: the node's own entry, ports from the roster
        int[][] ports = rosterPorts(2);
        Path config = clusterConfig("orders", ports);
        try (StandInProcess first = StandInProcess.iggy().workingDir(dir.resolve("n0")).configFile(config)
                .argument("--with-default-root-credentials").replicaId(0).start()) {
            first.awaitHealthy(HEALTHY);
            assertThat(first.httpPort()).isEqualTo(ports[0][2]);
            assertThat(first.port("tcp_replica")).isEqualTo(ports[0][4]);
            assertThat(first.output()).contains("Cluster 'orders': this is replica 0 of 2.");
            String token = IggyApiStandInTest.login(ports[0][2]);

            // cluster_meta.rs:113-128: the roster, every node "healthy", the view's primary (replica 0) the leader
            JsonNode metadata = JSON.readTree(Http.get(ports[0][2], "/cluster/metadata", IggyApiStandInTest.bearer(token)).body());
            assertThat(metadata.path("name").asText()).isEqualTo("orders");
            assertThat(metadata.path("nodes").get(0).path("name").asText()).isEqualTo("iggy-node-1");
            assertThat(metadata.path("nodes").get(0).path("role").asText()).isEqualTo("leader");
            assertThat(metadata.path("nodes").get(1).path("role").asText()).isEqualTo("follower");
            assertThat(metadata.path("nodes").get(1).path("status").asText()).isEqualTo("healthy");
            assertThat(metadata.path("nodes").get(1).path("endpoints").path("http").asInt()).isEqualTo(ports[1][2]);

            try (StandInProcess second = StandInProcess.iggy().workingDir(dir.resolve("n1")).configFile(config)
                    .argument("--with-default-root-credentials").replicaId(1).start()) {
                second.awaitHealthy(HEALTHY);
                assertThat(second.httpPort()).isEqualTo(ports[1][2]);
                assertThat(second.output()).contains("Cluster 'orders': this is replica 1 of 2.");
            }
        }
    }

    @Test
    void outsideClusterModeTheMetadataIsTheSingleNode() throws Exception {
        // cluster_meta.rs:40-44,134-145: name "single-node", one node "iggy-node", leader
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).argument("--with-default-root-credentials").start()) {
            iggy.awaitHealthy(HEALTHY);
            JsonNode metadata = JSON.readTree(Http.get(iggy.httpPort(), "/cluster/metadata",
                    IggyApiStandInTest.bearer(IggyApiStandInTest.login(iggy.httpPort()))).body());
            assertThat(metadata.path("name").asText()).isEqualTo("single-node");
            assertThat(metadata.path("nodes")).hasSize(1);
            assertThat(metadata.path("nodes").get(0).path("name").asText()).isEqualTo("iggy-node");
            assertThat(metadata.path("nodes").get(0).path("endpoints").path("http").asInt()).isEqualTo(iggy.httpPort());
        }
    }

    @Test
    void clusterModeWithoutReplicaIdRefusesToStart() throws Exception {
        // ServerError::MissingReplicaId, core/server/src/server_error.rs:202
        Path config = clusterConfig("orders", rosterPorts(1));
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).configFile(config).start()) {
            assertThat(iggy.awaitExit(EXIT)).isEqualTo(OptionalInt.of(1));
            assertThat(iggy.output()).contains("cluster mode requires --replica-id to identify the current node");
        }
    }

    @Test
    void aReplicaIdWithoutARosterEntryRefusesToStart() throws Exception {
        // ServerError::ClusterNodeNotFound, server_error.rs:198
        Path config = clusterConfig("orders", rosterPorts(1));
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).configFile(config).replicaId(5).start()) {
            assertThat(iggy.awaitExit(EXIT)).isEqualTo(OptionalInt.of(1));
            assertThat(iggy.output()).contains("cluster enabled but no node is configured for replica 5");
        }
    }

    @Test
    void aReplicaIdOtherThanZeroOutsideClusterModeRefusesToStart() throws Exception {
        // ServerError::ReplicaIdRequiresCluster, server_error.rs:204-209, bootstrap.rs:2780-2788
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).replicaId(2).start()) {
            assertThat(iggy.awaitExit(EXIT)).isEqualTo(OptionalInt.of(1));
            assertThat(iggy.output()).contains("--replica-id 2 was passed with cluster.enabled=false");
        }
    }

    @Test
    void renamingTheClusterOnExistingDataRefusesBoot() throws Exception {
        // VsrState.cluster (core/consensus/src/vsr_state.rs:55) checked by verify_identity,
        // RecoveryError::SuperblockIdentityMismatch (core/metadata/src/impls/recovery.rs:206-215)
        int[][] ports = rosterPorts(1);
        Path config = clusterConfig("orders", ports);
        StandInProcess.Builder node = StandInProcess.iggy().workingDir(dir.resolve("n0")).configFile(config).replicaId(0);
        try (StandInProcess first = node.start()) {
            first.awaitHealthy(HEALTHY);
            assertThat(first.stop()).isZero();
        }
        clusterConfig("payments", ports);
        try (StandInProcess renamed = node.start()) {
            assertThat(renamed.awaitExit(EXIT)).isEqualTo(OptionalInt.of(1));
            assertThat(renamed.output()).contains("superblock cluster in", "refusing boot");
        }
        clusterConfig("orders", ports);
        try (StandInProcess back = node.start()) {
            back.awaitHealthy(HEALTHY);
        }
    }

    @Test
    void resizingTheRosterOnExistingDataRefusesBoot() throws Exception {
        // recovery.rs:700-712: "There is no VSR reconfiguration yet", replica_count mismatch refuses boot
        int[][] ports = rosterPorts(2);
        Path config = clusterConfig("orders", new int[][] {ports[0]});
        StandInProcess.Builder node = StandInProcess.iggy().workingDir(dir.resolve("n0")).configFile(config).replicaId(0);
        try (StandInProcess first = node.start()) {
            first.awaitHealthy(HEALTHY);
            assertThat(first.stop()).isZero();
        }
        clusterConfig("orders", ports);
        try (StandInProcess resized = node.start()) {
            assertThat(resized.awaitExit(EXIT)).isEqualTo(OptionalInt.of(1));
            assertThat(resized.output()).contains("superblock replica_count in", "is 1 but this replica is configured with 2");
        }
    }
}
