package io.lodestar.warden.runtime;

import io.lodestar.protocol.RuntimeName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation under a real process that keeps the log open and writes to it, as a runtime does. */
class LogRotationTest {

    @TempDir
    Path dir;

    @Test
    void rotatesAboveTheSizeKeepsNFilesAndTheWriterGoesOnInTheSameFile() throws IOException, InterruptedException {
        Path log = dir.resolve("iggy.log");
        Process writer = new ProcessBuilder("sh", "-c", "while true; do echo 0123456789012345678901234567890123456789; sleep 0.01; done")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            LogRotation rotation = new LogRotation(2_000, 2);
            for (int round = 1; round <= 4; round++) {
                await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(log) > 2_000);
                assertThat(rotation.rotateIfNeeded(log)).isTrue();
                assertThat(Files.size(log)).as("truncated in place").isLessThan(2_000);
            }
            assertThat(LogRotation.rotated(log, 1)).exists();
            assertThat(LogRotation.rotated(log, 2)).exists();
            assertThat(LogRotation.rotated(log, 3)).as("only 2 are kept").doesNotExist();
            long before = Files.size(log);
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.size(log) > before);
            assertThat(Files.readString(log)).as("no hole of zeros: the writer appends at the new end")
                    .doesNotContain("\0");
        } finally {
            writer.destroyForcibly().waitFor();
        }
    }

    @Test
    void aSmallLogOrNoLimitIsLeftAlone() throws IOException {
        Path log = dir.resolve("small.log");
        Files.writeString(log, "x".repeat(100));
        assertThat(new LogRotation(1_000, 3).rotateIfNeeded(log)).isFalse();
        assertThat(LogRotation.NONE.rotateIfNeeded(log)).isFalse();
        assertThat(new LogRotation(10, 3).rotateIfNeeded(dir.resolve("missing.log"))).isFalse();
    }

    @Test
    void sizesReadLikeTheDocumentationWritesThem() {
        assertThat(LogRotation.parseSize(RuntimeName.IGGY, "50M")).isEqualTo(50L * 1024 * 1024);
        assertThat(LogRotation.parseSize(RuntimeName.IGGY, "1g")).isEqualTo(1024L * 1024 * 1024);
        assertThat(LogRotation.parseSize(RuntimeName.IGGY, "4096")).isEqualTo(4096);
        assertThat(LogRotation.parseSize(RuntimeName.IGGY, "0")).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogRotation.parseSize(RuntimeName.CONNECTORS, "lots"))
                .hasMessage("warden.runtimes.connectors.log-max-size: expected a size such as 50M, 1G or 0, got 'lots'");
    }
}
