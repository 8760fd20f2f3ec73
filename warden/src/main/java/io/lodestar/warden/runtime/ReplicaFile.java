package io.lodestar.warden.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Iggy cluster replica this node's server is, kept where both drivers read it: an environment file with
 * one line, {@code IGGY_REPLICA_ARGS="--replica-id N"} (quoted, so systemd and a shell read the same value). The process driver appends those words to the server's
 * command line; a systemd unit reads the file ({@code EnvironmentFile=-<file>}) and passes
 * {@code $IGGY_REPLICA_ARGS} (unbraced, so systemd splits it into words) on its {@code ExecStart}. Iggy takes the
 * replica id only as the {@code --replica-id} flag ({@code core/server/src/args.rs}). No file: no flag, the
 * server runs outside a cluster.
 */
public final class ReplicaFile {

    static final String VARIABLE = "IGGY_REPLICA_ARGS";
    private static final Pattern LINE = Pattern.compile("^" + VARIABLE + "=\"--replica-id (\\d{1,3})\"\\s*$",
            Pattern.MULTILINE);

    private final Path path;

    public ReplicaFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** Records the replica id the next start passes, or removes the file when the node is no cluster replica. */
    public void write(OptionalInt replicaId) throws IOException {
        if (replicaId.isEmpty()) {
            Files.deleteIfExists(path);
            return;
        }
        if (replicaId.getAsInt() < 0 || replicaId.getAsInt() > 255) {
            throw new IOException("replica id " + replicaId.getAsInt() + " is not a u8 (0-255), as --replica-id needs");
        }
        new ConfigFile(path).replace("# Written by the Lodestar Warden: this node's Iggy cluster replica.\n"
                + VARIABLE + "=\"--replica-id " + replicaId.getAsInt() + "\"\n");
        Files.deleteIfExists(new ConfigFile(path).previousPath());
    }

    /** The replica id recorded, if any; a file that cannot be read or parsed counts as none. */
    public OptionalInt replicaId() {
        try {
            if (!Files.isReadable(path)) {
                return OptionalInt.empty();
            }
            Matcher matcher = LINE.matcher(Files.readString(path, StandardCharsets.UTF_8));
            return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** The words to append to the server's command line: {@code --replica-id N}, or none. */
    List<String> arguments() {
        OptionalInt id = replicaId();
        return id.isPresent() ? List.of("--replica-id", Integer.toString(id.getAsInt())) : List.of();
    }
}
