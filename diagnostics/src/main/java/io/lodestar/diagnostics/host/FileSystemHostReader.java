package io.lodestar.diagnostics.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads host files below a root: {@code /} in production, a fixture tree in tests. */
public final class FileSystemHostReader implements HostReader {

    private final Path root;

    public FileSystemHostReader(Path root) {
        this.root = root;
    }

    public static FileSystemHostReader live() {
        return new FileSystemHostReader(Path.of("/"));
    }

    Path resolve(String absolutePath) {
        if (!absolutePath.startsWith("/")) {
            throw new IllegalArgumentException("host paths are absolute: " + absolutePath);
        }
        return root.resolve(absolutePath.substring(1));
    }

    @Override
    public Optional<String> read(String absolutePath) {
        try {
            // Files.readString sizes its first read from the file size, which /proc reports as 0; some
            // kernels then answer a 1-byte read of a sysctl and EOF. One buffered stream read avoids that.
            try (InputStream in = Files.newInputStream(resolve(absolutePath))) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        } catch (NoSuchFileException | AccessDeniedException | NotDirectoryException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (isPermissionOrAbsence(e)) {
                return Optional.empty();
            }
            throw new UncheckedIOException("reading " + absolutePath, e);
        }
    }

    @Override
    public boolean exists(String absolutePath) {
        return Files.exists(resolve(absolutePath));
    }

    @Override
    public List<String> list(String absolutePath) {
        try (Stream<Path> entries = Files.list(resolve(absolutePath))) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (NoSuchFileException | AccessDeniedException | NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + absolutePath, e);
        }
    }

    @Override
    public Optional<String> readLink(String absolutePath) {
        try {
            return Optional.of(Files.readSymbolicLink(resolve(absolutePath)).toString());
        } catch (IOException | UnsupportedOperationException e) {
            // A process may exit between listing its fds and reading one: that is absence, not failure.
            return Optional.empty();
        }
    }

    @Override
    public Optional<List<String>> tail(String absolutePath, int maxBytes) {
        Path file = resolve(absolutePath);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.empty();
        }
        return Optional.of(FileTail.lastLines(file, maxBytes));
    }

    private static boolean isPermissionOrAbsence(IOException e) {
        // /proc entries of other users' processes raise plain IOException with EACCES/ESRCH text.
        String message = String.valueOf(e.getMessage());
        return message.contains("Permission denied") || message.contains("No such process");
    }
}
