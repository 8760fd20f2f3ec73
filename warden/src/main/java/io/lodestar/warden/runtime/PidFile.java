package io.lodestar.warden.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The pid file of a runtime: {@code <pid> <start time, epoch ms>}. The start time is what tells
 * the runtime's process from an unrelated one that got the same pid later.
 */
final class PidFile {

    /** Start times read twice from /proc can differ by a clock tick; pids are not recycled that fast. */
    private static final long START_TIME_TOLERANCE_MS = 1_000;

    record Entry(long pid, long startEpochMs) {
    }

    private final Path path;

    PidFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    Optional<Entry> read() {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new RuntimeIoException("cannot read pid file " + path, e);
        }
    }

    static Optional<Entry> parse(String content) {
        String[] parts = content.trim().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    void write(Entry entry) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path temp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(temp, entry.pid() + " " + entry.startEpochMs() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RuntimeIoException("cannot write pid file " + path, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new RuntimeIoException("cannot delete pid file " + path, e);
        }
    }

    /** The live process the entry names, if it is still the same process (same start time). */
    static Optional<ProcessHandle> liveProcess(Entry entry) {
        return ProcessHandle.of(entry.pid())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> startEpochMs(handle)
                        .map(start -> Math.abs(start - entry.startEpochMs()) <= START_TIME_TOLERANCE_MS)
                        .orElse(false));
    }

    static Optional<Long> startEpochMs(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli);
    }
}
