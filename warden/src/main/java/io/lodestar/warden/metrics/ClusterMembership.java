package io.lodestar.warden.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestar.diagnostics.checks.TomlConfig;
import io.lodestar.protocol.RuntimeName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the Iggy cluster whether this node's replica is back: {@code GET /cluster/metadata} with the Warden's
 * personal access token must answer the cluster's name and list the replica's roster entry as {@code healthy}.
 * The roster name comes from the config file the server runs ({@code [[cluster.nodes]]} with this
 * {@code replica_id}). Iggy builds that answer from the roster and marks every member healthy without probing it
 * ({@code core/server/src/cluster_meta.rs:122}), so an answer proves that the replica's HTTP API serves the
 * cluster's metadata under the right name and roster, not that the replica has caught up.
 */
public final class ClusterMembership {

    private static final Duration POLL = Duration.ofMillis(200);

    /** @param checked false when there was nothing to ask with (no token, no roster entry): not a refusal */
    public record Answer(boolean member, boolean checked, String message) {
    }

    private final IggyViews views;
    private final Optional<Path> configPath;
    private final Clock clock;

    public ClusterMembership(IggyViews views, Optional<Path> configPath, Clock clock) {
        this.views = views;
        this.configPath = configPath;
        this.clock = clock;
    }

    /** Polls until the cluster lists replica {@code replicaId} healthy, or {@code timeout} passes. */
    public Answer await(int replicaId, Duration timeout) {
        Optional<Map<String, String>> auth;
        try {
            auth = views.serverAuth();
        } catch (IOException e) {
            return new Answer(true, false, "cluster membership not checked: the Iggy token file cannot be read (" + e.getMessage() + ")");
        }
        RuntimeApi api = views.api(RuntimeName.IGGY);
        if (auth.isEmpty() || api == null) {
            return new Answer(true, false, "cluster membership not checked: no Iggy personal access token is configured "
                    + "(warden.runtimes.iggy.token-file), and /cluster/metadata needs one");
        }
        Optional<Roster> roster = roster(replicaId);
        if (roster.isEmpty()) {
            return new Answer(true, false, "cluster membership not checked: the config file names no [[cluster.nodes]] entry "
                    + "with replica_id " + replicaId);
        }
        long deadline = clock.millis() + timeout.toMillis();
        String last = "not asked";
        while (true) {
            try {
                JsonNode metadata = api.json("/cluster/metadata", auth.get());
                last = verdict(metadata, roster.get());
                if (last == null) {
                    return new Answer(true, true, "replica " + replicaId + " ('" + roster.get().node() + "') is healthy in "
                            + "cluster '" + roster.get().cluster() + "' per /cluster/metadata");
                }
            } catch (IOException e) {
                last = "/cluster/metadata: " + e.getMessage();
            }
            if (clock.millis() >= deadline) {
                return new Answer(false, true, "replica " + replicaId + " ('" + roster.get().node() + "') was not listed healthy "
                        + "in cluster '" + roster.get().cluster() + "' within " + timeout.toMillis() + " ms (last: " + last + ")");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(false, true, "the Warden stopped while asking the cluster about replica " + replicaId);
            }
        }
    }

    private record Roster(String cluster, String node) {
    }

    /** Null when the answer lists the node healthy in the named cluster, else what it said instead. */
    private static String verdict(JsonNode metadata, Roster roster) {
        String name = metadata.path("name").asText();
        if (!roster.cluster().equals(name)) {
            return "the server answers for cluster '" + name + "'";
        }
        for (JsonNode node : metadata.path("nodes")) {
            if (roster.node().equals(node.path("name").asText())) {
                String status = node.path("status").asText();
                return "healthy".equals(status) ? null : "'" + roster.node() + "' is " + status;
            }
        }
        return "'" + roster.node() + "' is not in the roster it answers";
    }

    private Optional<Roster> roster(int replicaId) {
        if (configPath.isEmpty() || !Files.isReadable(configPath.get())) {
            return Optional.empty();
        }
        Map<String, String> values;
        try {
            values = TomlConfig.values(Files.readString(configPath.get(), StandardCharsets.UTF_8));
        } catch (IOException | TomlConfig.Invalid e) {
            return Optional.empty();
        }
        String cluster = values.getOrDefault("cluster.name", "iggy-cluster");
        for (int i = 0; values.containsKey("cluster.nodes[" + i + "].replica_id"); i++) {
            if (values.get("cluster.nodes[" + i + "].replica_id").equals(Integer.toString(replicaId))) {
                return Optional.ofNullable(values.get("cluster.nodes[" + i + "].name")).map(n -> new Roster(cluster, n));
            }
        }
        return Optional.empty();
    }
}
