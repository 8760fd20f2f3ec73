package io.lodestar.supervisor.iggy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.ConfigFileReference;

/**
 * Which config changes Iggy does not take safely, and why. The facts come from apache/iggy (main branch,
 * server-0.9.0-edge), as docs/api/configs.md lists them with their sources:
 * <ul>
 * <li>{@code cluster.name} is hashed into each replica's on-disk identity; recovery refuses a mismatch
 *     ({@code VsrState.cluster}, core/consensus/src/vsr_state.rs:55; {@code SuperblockIdentityMismatch},
 *     core/metadata/src/impls/recovery.rs:206-215).</li>
 * <li>the roster size ({@code [[cluster.nodes]]}) is recorded too, and "there is no VSR reconfiguration yet"
 *     (recovery.rs:700-712).</li>
 * <li>{@code system.path} moves the data directory: the server starts on an empty one.</li>
 * <li>{@code system.encryption}: stored messages were written with the old key (AES-256-GCM).</li>
 * <li>{@code cluster.auth}, {@code cluster.tls}, {@code cluster.enabled}: replicas with and without the
 *     change cannot talk; a coordinated restart; rotating the pre-shared key takes three rolling restarts.</li>
 * <li>TLS files ({@code *.cert_file}, {@code *.key_file}, {@code *.ca_file}) that do not exist on the node:
 *     the listener cannot start.</li>
 * </ul>
 */
final class IggyConfigRules {

    static final Set<String> FILE_KEYS = Set.of("cert_file", "key_file", "ca_file");

    static final String CLUSTER_NAME = "cluster.name is hashed into each replica's on-disk identity: a server with "
            + "existing data refuses to start under another name (superblock identity mismatch). Renaming a cluster "
            + "needs new data directories.";
    static final String CLUSTER_NODES = "The replica count is part of each replica's on-disk identity and Iggy has no "
            + "membership change: a replica whose roster size differs from the one on disk refuses to boot.";
    static final String SYSTEM_PATH = "system.path is the data directory: the server would start on another one, so "
            + "its streams and messages seem to vanish (they stay under the old path).";
    static final String ENCRYPTION = "Messages already stored were encrypted with the old key (or none): after this "
            + "change they are unreadable.";
    static final String CLUSTER_LINK = "A coordinated-restart change: replicas with and without it cannot talk to each "
            + "other, so a rolling restart splits the cluster until every replica has it. Rotating the pre-shared key "
            + "takes three rolling restarts (shared_secret, then previous_shared_secret).";

    private IggyConfigRules() {
    }

    /** The dangerous changes among {@code changes} for a node of {@code runtime}. */
    static List<ConfigDanger> dangers(RuntimeName runtime, List<ConfigChange> changes) {
        List<ConfigDanger> dangers = new ArrayList<>();
        if (runtime != RuntimeName.IGGY) {
            return dangers;
        }
        boolean rosterChanged = false;
        for (ConfigChange change : changes) {
            String key = change.key();
            if (key.equals("cluster.name")) {
                dangers.add(new ConfigDanger(key, CLUSTER_NAME));
            } else if (key.equals("system.path")) {
                dangers.add(new ConfigDanger(key, SYSTEM_PATH));
            } else if (key.startsWith("system.encryption.")) {
                dangers.add(new ConfigDanger(key, ENCRYPTION));
            } else if (key.equals("cluster.enabled") || key.startsWith("cluster.auth.") || key.startsWith("cluster.tls.")) {
                dangers.add(new ConfigDanger(key, CLUSTER_LINK));
            } else if (key.startsWith("cluster.nodes[") && key.endsWith("].replica_id")
                    && (change.from() == null || change.to() == null)) {
                rosterChanged = true;
            }
        }
        if (rosterChanged) {
            dangers.add(new ConfigDanger("cluster.nodes", CLUSTER_NODES));
        }
        return dangers;
    }

    /**
     * TLS files the new version names that the node reported missing (dangerous), and those it could not
     * check: a Warden reports only the files named in the config it runs.
     */
    static void files(Map<String, String> after, List<ConfigChange> changes, List<ConfigFileReference> reported,
            List<ConfigDanger> dangers, List<ConfigDanger> unchecked) {
        for (ConfigChange change : changes) {
            String key = change.key();
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            String path = after.get(key);
            if (!FILE_KEYS.contains(leaf) || path == null || path.isBlank()) {
                continue;
            }
            ConfigFileReference known = reported.stream().filter(f -> f.getPath().equals(path)).findFirst().orElse(null);
            if (known == null) {
                unchecked.add(new ConfigDanger(key, "Lodestar could not check that " + path + " exists on the node: "
                        + "the Warden reports only the files named in the config the node runs. If it is missing, the "
                        + "runtime does not come back and the reconfigure rolls back."));
            } else if (!known.getExists()) {
                dangers.add(new ConfigDanger(key, "The file " + path + " does not exist on the node: the listener "
                        + "that needs it cannot start."));
            }
        }
    }
}
