package io.lodestar.warden.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLocatorTest {

    @TempDir
    Path dir;

    private Path file(String name, String mode) throws IOException {
        Path path = dir.resolve(name);
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        return path;
    }

    @Test
    void findsAnExecutableOnPath() throws IOException {
        Path binary = file("iggy-server", "rwxr-xr-x");

        assertThat(CommandLocator.locate("iggy-server", "/nonexistent:" + dir, dir)).contains(binary);
    }

    @Test
    void skipsFilesThatAreNotExecutable() throws IOException {
        file("iggy-server", "rw-r--r--");

        assertThat(CommandLocator.locate("iggy-server", dir.toString(), dir)).isEmpty();
    }

    @Test
    void takesAPathAsGiven() throws IOException {
        Path binary = file("iggy-server", "rwxr-xr-x");

        assertThat(CommandLocator.locate(binary.toString(), null, Path.of("/"))).contains(binary);
        assertThat(CommandLocator.locate(dir.resolve("missing").toString(), null, Path.of("/"))).isEmpty();
    }
}
