package io.lodestar.warden.runtime;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * A one-line secret in a file of its own (an Iggy personal access token, a connectors API key),
 * read when needed so a rotated secret takes effect without a restart. Its value is never logged;
 * a file others can read is warned about once, by path.
 */
public final class SecretFile {

    private final Optional<Path> path;
    private volatile boolean warned;

    public SecretFile(Optional<Path> path) {
        this.path = path;
    }

    public boolean configured() {
        return path.isPresent();
    }

    public Optional<Path> path() {
        return path;
    }

    /** The secret, or empty when no file is configured; throws when the file cannot be read. */
    public Optional<String> read() throws IOException {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Path file = path.get();
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!warned) {
            warned = true;
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                    Log.warnf("%s can be read by other users; make it 0600 like the identity file", file);
                }
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: nothing to check
            }
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
