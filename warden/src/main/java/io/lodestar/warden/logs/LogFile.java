package io.lodestar.warden.logs;

import io.lodestar.diagnostics.redact.Redactor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a runtime's log file for the Supervisor: the newest lines, or what was appended since an offset.
 * Every line is redacted before it leaves the node, and bounded in length so one runaway line cannot
 * fill a link message.
 */
final class LogFile {

    /** How far back from the end a tail reads: 5000 ordinary lines fit many times over. */
    static final int MAX_TAIL_BYTES = 4 * 1024 * 1024;
    static final int MAX_LINE_CHARS = 8 * 1024;

    private LogFile() {
    }

    /** What was read and where the next read continues. */
    record Read(List<String> lines, long nextOffset) {
    }

    /**
     * The newest {@code count} lines written at or after {@code sinceMs} (0: any time). A line's time is
     * the RFC 3339 timestamp it starts with, as the runtimes write them; a line without one (a stack
     * trace) belongs to the line before it.
     */
    static Read tail(Path log, int count, long sinceMs) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long end = file.length();
            long start = Math.max(0, end - MAX_TAIL_BYTES);
            List<String> lines = completeLines(readRange(file, start, end), start > 0);
            List<String> kept = new ArrayList<>();
            boolean inWindow = sinceMs <= 0;
            for (String line : lines) {
                Instant at = timestamp(line);
                if (at != null && sinceMs > 0) {
                    inWindow = at.toEpochMilli() >= sinceMs;
                }
                if (inWindow) {
                    kept.add(line);
                }
            }
            List<String> newest = kept.subList(Math.max(0, kept.size() - count), kept.size());
            return new Read(newest.stream().map(LogFile::clean).toList(), end);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (java.io.FileNotFoundException e) {
            throw new NoSuchFileException(log.toString());
        }
    }

    /** Complete lines appended since {@code offset}; a truncated (rotated) file is read from its start. */
    static Read since(Path log, long offset) throws IOException {
        if (!Files.exists(log)) {
            return new Read(List.of(), 0);
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long end = file.length();
            long from = end < offset ? 0 : offset;
            if (end - from > MAX_TAIL_BYTES) {
                from = end - MAX_TAIL_BYTES;
            }
            String text = readRange(file, from, end);
            int lastNewline = text.lastIndexOf('\n');
            if (lastNewline < 0) {
                return new Read(List.of(), from);
            }
            String complete = text.substring(0, lastNewline + 1);
            long consumed = complete.getBytes(StandardCharsets.UTF_8).length;
            return new Read(completeLines(complete, false).stream().map(LogFile::clean).toList(), from + consumed);
        }
    }

    private static String readRange(RandomAccessFile file, long start, long end) throws IOException {
        byte[] bytes = new byte[(int) (end - start)];
        file.seek(start);
        file.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Splits into non-blank lines, dropping the first when the read began mid-line. */
    private static List<String> completeLines(String text, boolean startsMidLine) {
        List<String> lines = new ArrayList<>(List.of(text.split("\\R")));
        if (startsMidLine && !lines.isEmpty()) {
            lines.remove(0);
        }
        lines.removeIf(String::isBlank);
        return lines;
    }

    static Instant timestamp(String line) {
        int space = line.indexOf(' ');
        if (space < 20 || space > 40) {
            return null;
        }
        try {
            return Instant.parse(line.substring(0, space));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clean(String line) {
        String bounded = line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS) + " [truncated]";
        return Redactor.redact(bounded);
    }
}
