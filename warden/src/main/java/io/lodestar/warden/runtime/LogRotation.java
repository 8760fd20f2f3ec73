package io.lodestar.warden.runtime;

import io.lodestar.protocol.RuntimeName;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Size-based rotation of a runtime's log: once it is larger than {@code maxBytes}, {@code log.1}
 * … {@code log.<keep>} shift up (the oldest is dropped), the log is copied to {@code log.1} and
 * truncated in place. Copy-and-truncate, because the runtime holds the file open (opened for
 * append, so it keeps writing at the new end) and must keep running while the Warden restarts:
 * lines written between the copy and the truncation are lost, a small window.
 *
 * @param maxBytes rotate above this size; 0 never rotates
 * @param keep how many rotated files are kept
 */
public record LogRotation(long maxBytes, int keep) {

    public static final LogRotation NONE = new LogRotation(0, 0);

    public LogRotation {
        if (maxBytes < 0 || keep < 0) {
            throw new IllegalArgumentException("log rotation needs a size and a count that are not negative");
        }
    }

    /** Rotates {@code log} if it grew past the limit; returns whether it did. */
    public boolean rotateIfNeeded(Path log) {
        try {
            if (maxBytes == 0 || !Files.exists(log) || Files.size(log) <= maxBytes) {
                return false;
            }
            if (keep > 0) {
                Files.deleteIfExists(rotated(log, keep));
                for (int i = keep - 1; i >= 1; i--) {
                    if (Files.exists(rotated(log, i))) {
                        Files.move(rotated(log, i), rotated(log, i + 1), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.copy(log, rotated(log, 1), StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            return true;
        } catch (IOException e) {
            Log.warnf("could not rotate %s: %s", log, e.getMessage());
            return false;
        }
    }

    /** A size as configured: bytes, or a number with K, M or G (powers of 1024). */
    static long parseSize(RuntimeName runtime, String text) {
        String value = text.strip().toUpperCase(java.util.Locale.ROOT);
        long unit = 1;
        if (!value.isEmpty() && "KMG".indexOf(value.charAt(value.length() - 1)) >= 0) {
            unit = 1L << (10 * ("KMG".indexOf(value.charAt(value.length() - 1)) + 1));
            value = value.substring(0, value.length() - 1);
        }
        try {
            long number = Long.parseLong(value);
            if (number >= 0) {
                return number * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("warden.runtimes." + runtime.wireName() + ".log-max-size: expected a size such as 50M, 1G or 0, got '"
                + text + "'");
    }

    static Path rotated(Path log, int index) {
        return log.resolveSibling(log.getFileName() + "." + index);
    }
}
