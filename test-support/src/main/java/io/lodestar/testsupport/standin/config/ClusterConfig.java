package io.lodestar.testsupport.standin.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server's {@code [cluster]} section and its {@code [[cluster.nodes]]} roster, as
 * {@code core/configs/src/server_config/cluster.rs} (apache/iggy main) declares them, resolved
 * against {@code --replica-id} the way {@code resolve_tcp_topology} in
 * {@code core/server/src/bootstrap.rs} (lines 2766-2820) does: cluster mode needs the flag and a
 * roster entry for it; outside cluster mode only replica 0 is accepted.
 *
 * @param enabled {@code [cluster] enabled}, false by default ({@code core/server/config.toml})
 * @param name {@code [cluster] name}, "iggy-cluster" by default; hashed into the on-disk identity
 * @param nodes the roster, in file order
 * @param self this process's roster entry in cluster mode
 */
public record ClusterConfig(boolean enabled, String name, List<Node> nodes, Optional<Node> self) {

    /** The default name in {@code core/server/config.toml}. */
    public static final String DEFAULT_NAME = "iggy-cluster";

    /** The replica id outside cluster mode ({@code SHARD_REPLICA_ID}, bootstrap.rs:118). */
    public static final int SINGLE_NODE_REPLICA_ID = 0;

    /**
     * One {@code [[cluster.nodes]]} entry: {@code name}, {@code ip}, {@code replica_id} and
     * {@code ports = { tcp, quic, http, websocket, tcp_replica }}.
     */
    public record Node(String name, String ip, int replicaId, Map<String, Integer> ports) {

        public Node {
            ports = Map.copyOf(ports);
        }

        public Optional<Integer> port(String transport) {
            return Optional.ofNullable(ports.get(transport));
        }
    }

    public ClusterConfig {
        nodes = List.copyOf(nodes);
    }

    /** The replica id this process runs as: its own in cluster mode, 0 otherwise. */
    public int replicaId() {
        return self.map(Node::replicaId).orElse(SINGLE_NODE_REPLICA_ID);
    }

    /** The replica count recorded in the superblock: the roster size in cluster mode, 1 otherwise. */
    public int replicaCount() {
        return enabled ? nodes.size() : 1;
    }

    /**
     * The on-disk identity of {@link #name}: Iggy hashes the name ({@code auth::cluster_domain_id}),
     * the stand-in writes a SHA-256 prefix in hex. Only equality matters to either.
     */
    public String nameHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ClusterConfig from(ConfigSource source, OptionalInt replicaId) throws InvalidConfigException {
        Optional<Setting> enabledSetting = source.setting("cluster", "enabled");
        boolean enabled = enabledSetting.isPresent() && enabledSetting.get().asBoolean();
        String name = source.setting("cluster", "name").map(Setting::value).orElse(DEFAULT_NAME);
        List<Node> nodes = new ArrayList<>();
        for (Map<String, String> row : source.tableArray("cluster.nodes")) {
            nodes.add(node(row));
        }
        if (!enabled) {
            // bootstrap.rs:2780-2788, ServerError::ReplicaIdRequiresCluster (server_error.rs:204-209)
            if (replicaId.isPresent() && replicaId.getAsInt() != SINGLE_NODE_REPLICA_ID) {
                throw new InvalidConfigException("--replica-id " + replicaId.getAsInt()
                        + " was passed with cluster.enabled=false; the WAL would commit under replica "
                        + SINGLE_NODE_REPLICA_ID + " which permanently fixes this node's identity. Either set "
                        + "cluster.enabled=true with a matching nodes[] entry, or drop --replica-id");
            }
            return new ClusterConfig(false, name, nodes, Optional.empty());
        }
        if (replicaId.isEmpty()) {
            // ServerError::MissingReplicaId (server_error.rs:202)
            throw new InvalidConfigException("cluster mode requires --replica-id to identify the current node");
        }
        int id = replicaId.getAsInt();
        Node self = nodes.stream().filter(n -> n.replicaId() == id).findFirst()
                // ServerError::ClusterNodeNotFound (server_error.rs:198)
                .orElseThrow(() -> new InvalidConfigException(
                        "cluster enabled but no node is configured for replica " + id));
        return new ClusterConfig(true, name, nodes, Optional.of(self));
    }

    private static Node node(Map<String, String> row) throws InvalidConfigException {
        String name = row.getOrDefault("name", "");
        String ip = row.getOrDefault("ip", "127.0.0.1");
        int replicaId = number(row, "replica_id", name);
        Map<String, Integer> ports = new java.util.HashMap<>();
        for (String transport : List.of("tcp", "quic", "http", "websocket", "tcp_replica")) {
            String value = row.get("ports." + transport);
            if (value != null) {
                ports.put(transport, number(row, "ports." + transport, name));
            }
        }
        return new Node(name, ip, replicaId, ports);
    }

    private static int number(Map<String, String> row, String key, String node) throws InvalidConfigException {
        String value = row.get(key);
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfigException("[[cluster.nodes]] entry '" + node + "' has no valid " + key
                    + " (got '" + value + "')");
        }
    }
}
