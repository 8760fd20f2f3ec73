package io.lodestar.diagnostics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake proc tree in a temp dir, read through the same reader production uses on "/". */
class FileSystemHostReaderTest {

    @TempDir
    Path root;

    @Test
    void readsValuesListsAndLinksBelowTheRoot() throws Exception {
        Files.createDirectories(root.resolve("proc/sys/vm"));
        Files.writeString(root.resolve("proc/sys/vm/max_map_count"), "65530\n");
        Files.createDirectories(root.resolve("proc/100/fd"));
        Files.createSymbolicLink(root.resolve("proc/100/fd/3"), Path.of("socket:[42]"));
        FileSystemHostReader reader = new FileSystemHostReader(root);

        assertThat(reader.value("/proc/sys/vm/max_map_count")).contains("65530");
        assertThat(reader.list("/proc")).containsExactly("100", "sys");
        assertThat(reader.readLink("/proc/100/fd/3")).contains("socket:[42]");
        assertThat(reader.read("/proc/absent")).isEmpty();
        assertThat(reader.list("/absent")).isEmpty();
        assertThatThrownBy(() -> reader.read("relative")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tailReadsOnlyTheEndAndDropsTheCutLine() throws Exception {
        Files.createDirectories(root.resolve("var/log"));
        Files.writeString(root.resolve("var/log/kern.log"), "first line that will be cut\nsecond\nthird\n");
        assertThat(new FileSystemHostReader(root).tail("/var/log/kern.log", 14)).contains(java.util.List.of("second", "third"));
        assertThat(FileTail.lastLines(root.resolve("var/log/kern.log"), 1000)).hasSize(3);
    }

    @Test
    void liveProcSysctlsReadWhole() {
        // guards the 1-byte-read pitfall of /proc/sys on some kernels
        assertThat(FileSystemHostReader.live().value("/proc/sys/kernel/pid_max")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isGreaterThanOrEqualTo(301));
    }
}
