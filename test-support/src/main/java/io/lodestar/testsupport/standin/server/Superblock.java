package io.lodestar.testsupport.standin.server;

import io.lodestar.testsupport.standin.config.ClusterConfig;
import io.lodestar.testsupport.standin.config.InvalidConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The server's on-disk identity. Iggy writes the cluster (a hash of {@code cluster.name}), the
 * replica id and the replica count into its superblock under {@code <system.path>/metadata}
 * ({@code VsrState}, {@code core/consensus/src/vsr_state.rs:55-66}) and, on recovery, refuses to
 * boot when one differs from the config ({@code verify_identity} and
 * {@code RecoveryError::SuperblockIdentityMismatch}, {@code core/metadata/src/impls/recovery.rs:206-215,
 * 706-745}): renaming the cluster or resizing the roster on existing data stops the server.
 * The stand-in keeps the same three fields in {@code metadata/stand-in.superblock}.
 */
public final class Superblock {

    static final String DIRECTORY = "metadata";
    private static final String FILE = "stand-in.superblock";

    private Superblock() {
    }

    /** Writes the identity on first boot; on a later boot refuses a mismatch as Iggy does. */
    public static void verifyOrCreate(Path dataDir, ClusterConfig cluster) throws InvalidConfigException {
        Path dir = dataDir.resolve(DIRECTORY);
        Path file = dir.resolve(FILE);
        Map<String, String> expected = Map.of("cluster", cluster.nameHash(),
                "replica_id", Integer.toString(cluster.replicaId()),
                "replica_count", Integer.toString(cluster.replicaCount()));
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                StringBuilder text = new StringBuilder("# Written by the Lodestar stand-in runtime.\n");
                for (String field : new String[] {"cluster", "replica_id", "replica_count"}) {
                    text.append(field).append('=').append(expected.get(field)).append('\n');
                }
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return;
            }
            Map<String, String> found = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    found.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            for (String field : new String[] {"cluster", "replica_id", "replica_count"}) {
                if (!expected.get(field).equals(found.get(field))) {
                    throw new InvalidConfigException("superblock " + field + " in " + dir + " is " + found.get(field)
                            + " but this replica is configured with " + expected.get(field)
                            + ": the metadata directory belongs to another cluster or replica, or the cluster was "
                            + "resized without reconfiguration, refusing boot");
                }
            }
        } catch (IOException e) {
            throw new InvalidConfigException("cannot read or write the superblock in " + dir + ": " + e.getMessage(), e);
        }
    }
}
