package io.lodestar.warden.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last lines a runtime wrote to its log since a given offset. */
final class LogTail {

    /** Enough for a few long lines; a crash message is at the end. */
    private static final int MAX_BYTES = 16 * 1024;
    /** How many lines a message about an exit quotes. */
    private static final int QUOTED_LINES = 5;

    private LogTail() {
    }

    static long size(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The last few lines written since {@code fromOffset}, for a message; {@code (none)} when there are none or the offset is unknown (negative). */
    static String quoted(Path log, long fromOffset) {
        List<String> lines = fromOffset >= 0 ? lastLines(log, fromOffset, QUOTED_LINES) : List.of();
        return lines.isEmpty() ? "(none)" : String.join("\n", lines);
    }

    static List<String> lastLines(Path log, long fromOffset, int count) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long end = file.length();
            long start = Math.max(fromOffset, end - MAX_BYTES);
            if (start >= end) {
                return List.of();
            }
            byte[] bytes = new byte[(int) (end - start)];
            file.seek(start);
            file.readFully(bytes);
            return lastLines(new String(bytes, StandardCharsets.UTF_8), count);
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<String> lastLines(String text, int count) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\\R")));
        lines.removeIf(String::isBlank);
        return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
