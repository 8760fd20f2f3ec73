package io.lodestar.warden.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {

    @TempDir
    Path dir;

    @Test
    void tailGivesTheNewestLinesRedacted() throws IOException {
        Path log = write("""
                2026-01-01T10:00:00.000Z  INFO iggy_server: one
                2026-01-01T10:00:01.000Z  INFO iggy_server: connecting with password=hunter2
                2026-01-01T10:00:02.000Z  INFO iggy_server: three
                """);
        LogFile.Read read = LogFile.tail(log, 2, 0);
        assertThat(read.lines()).containsExactly(
                "2026-01-01T10:00:01.000Z  INFO iggy_server: connecting with password=[REDACTED]",
                "2026-01-01T10:00:02.000Z  INFO iggy_server: three");
        assertThat(read.nextOffset()).isEqualTo(Files.size(log));
    }

    @Test
    void sinceKeepsLinesFromThatTimeWithTheirContinuationLines() throws IOException {
        Path log = write("""
                2026-01-01T10:00:00.000Z ERROR iggy_server: before
                  at somewhere
                2026-01-01T10:00:05.000Z ERROR iggy_server: after
                  at elsewhere
                """);
        LogFile.Read read = LogFile.tail(log, 100, Instant.parse("2026-01-01T10:00:03Z").toEpochMilli());
        assertThat(read.lines()).containsExactly("2026-01-01T10:00:05.000Z ERROR iggy_server: after", "  at elsewhere");
    }

    @Test
    void sinceGivesOnlyCompleteNewLinesAndStartsOverAfterATruncation() throws IOException {
        Path log = write("old line\n");
        long offset = Files.size(log);
        Files.writeString(log, "new line\npartial", StandardOpenOption.APPEND);
        LogFile.Read read = LogFile.since(log, offset);
        assertThat(read.lines()).containsExactly("new line");
        Files.writeString(log, " done\n", StandardOpenOption.APPEND);
        read = LogFile.since(log, read.nextOffset());
        assertThat(read.lines()).containsExactly("partial done");

        Files.writeString(log, "rotated\n");
        assertThat(LogFile.since(log, read.nextOffset()).lines()).containsExactly("rotated");
    }

    @Test
    void overlongLinesAreCut() throws IOException {
        Path log = write("x".repeat(LogFile.MAX_LINE_CHARS + 10) + "\n");
        assertThat(LogFile.tail(log, 1, 0).lines().get(0)).hasSize(LogFile.MAX_LINE_CHARS + " [truncated]".length());
    }

    private Path write(String text) throws IOException {
        Path log = dir.resolve("iggy.log");
        Files.writeString(log, text);
        return log;
    }
}
