package io.lodestar.supervisor.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that hold a secret: readable by the Supervisor's user only, from the moment they exist. */
public final class SecretFiles {

    private SecretFiles() {
    }

    /**
     * Writes {@code content} to a temporary file created with mode 0600 beside {@code file}, then moves it
     * into place atomically, so the secret is never readable by others, not even for a moment, and a
     * reader never sees half of it.
     */
    public static void writeOwnerOnly(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
