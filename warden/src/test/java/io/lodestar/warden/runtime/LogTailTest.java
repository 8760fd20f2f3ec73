package io.lodestar.warden.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @Test
    void keepsTheLastNonBlankLines() {
        assertThat(LogTail.lastLines("a\nb\n\nc\r\nd\n", 3)).containsExactly("b", "c", "d");
        assertThat(LogTail.lastLines("only\n", 5)).containsExactly("only");
    }

    @Test
    void readsOnlyWhatWasWrittenAfterTheOffset(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("iggy.log");
        Files.writeString(log, "old run\n");
        long offset = LogTail.size(log);
        Files.writeString(log, "new run\ncrashed\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(LogTail.lastLines(log, offset, 5)).containsExactly("new run", "crashed");
        assertThat(LogTail.lastLines(log, LogTail.size(log), 5)).isEmpty();
        assertThat(LogTail.lastLines(dir.resolve("missing.log"), 0, 5)).isEmpty();
    }
}
