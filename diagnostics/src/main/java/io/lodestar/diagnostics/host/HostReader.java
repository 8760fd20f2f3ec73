package io.lodestar.diagnostics.host;

import java.util.List;
import java.util.Optional;

/**
 * Reads the host's own files: {@code /proc}, {@code /sys}, {@code /etc}, {@code /run},
 * {@code /var/log}. Paths are absolute host paths; tests point the reader at a fake tree.
 * Node paths that come from configuration (data directory, config files, certificates) are plain
 * {@link java.nio.file.Path}s in {@link io.lodestar.diagnostics.HostContext} instead.
 *
 * <p>"Absent" and "not readable by us" both read as empty, so a check can answer {@code skip};
 * any other I/O failure is thrown and becomes an {@code error} result.
 */
public interface HostReader {

    Optional<String> read(String absolutePath);

    default Optional<List<String>> lines(String absolutePath) {
        return read(absolutePath).map(text -> text.lines().toList());
    }

    /** The first line, trimmed: the usual shape of a sysctl or sysfs value. */
    default Optional<String> value(String absolutePath) {
        return read(absolutePath).map(String::strip).filter(v -> !v.isEmpty()).map(v -> v.lines().findFirst().orElse(v));
    }

    boolean exists(String absolutePath);

    /** Entry names of a directory, empty when it is absent. */
    List<String> list(String absolutePath);

    /** Target of a symbolic link, e.g. {@code /proc/1234/fd/7 -> socket:[5678]}. */
    Optional<String> readLink(String absolutePath);

    /** At most the last {@code maxBytes} of a file, cut at a line boundary: never the whole of a large log. */
    Optional<List<String>> tail(String absolutePath, int maxBytes);
}
