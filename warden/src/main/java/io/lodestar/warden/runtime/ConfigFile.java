package io.lodestar.warden.runtime;

import io.lodestar.warden.state.Directories;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A runtime's config file, replaced atomically: the new text goes to a temporary file in the same
 * directory, is fsynced, then renamed over the file, and the directory is fsynced, so a crash at
 * any point leaves either the old file or the new one, never half of one. The file being replaced
 * is kept beside it as {@code <name>.previous}, the copy a rollback restores.
 */
public final class ConfigFile {

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    public Path previousPath() {
        return path.resolveSibling(path.getFileName() + ".previous");
    }

    /** Writes {@code content}, keeping the current file as the previous one; returns whether there was one. */
    public boolean replace(String content) throws IOException {
        Files.createDirectories(path.getParent());
        Optional<byte[]> current = Files.exists(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        if (current.isPresent()) {
            writeAtomically(previousPath(), current.get());
        } else {
            Files.deleteIfExists(previousPath());
        }
        writeAtomically(path, content.getBytes(StandardCharsets.UTF_8));
        return current.isPresent();
    }

    /** Puts the previous file back, or removes the file when there was none before the last replace. */
    public void restorePrevious() throws IOException {
        if (Files.exists(previousPath())) {
            writeAtomically(path, Files.readAllBytes(previousPath()));
        } else {
            Files.deleteIfExists(path);
            Directories.sync(path.getParent());
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Directories.sync(target.getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
