package io.lodestar.diagnostics.checks.logs;

import io.lodestar.diagnostics.HostContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** iggy-server writes rotating logs into {@code <data dir>/logs}; the newest file is the live one. */
public final class IggyLogCheck extends LogFileCheck {

    public IggyLogCheck() {
        super("logs.iggy_recent", "Iggy server recent log");
    }

    @Override
    Optional<Path> logFile(HostContext context) {
        Path dir = context.iggy().logDir();
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).max(Comparator.comparing(IggyLogCheck::modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    String noLogReason(HostContext context) {
        return "no log files in " + context.iggy().logDir().toAbsolutePath();
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0; // rotated away between listing and reading: oldest
        }
    }
}
