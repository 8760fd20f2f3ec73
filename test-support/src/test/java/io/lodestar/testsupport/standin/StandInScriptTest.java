package io.lodestar.testsupport.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs bin/standin-runtime and its wrappers against a module layout built here (a jar of the
 * compiled classes, the dependencies in target/standin-lib), since tests run before packaging.
 */
class StandInScriptTest {

    private static final Duration HEALTHY = Duration.ofSeconds(15);

    @TempDir
    static Path module;

    @TempDir
    Path dir;

    @BeforeAll
    static void layOutTheModule() throws IOException {
        Path bin = Files.createDirectories(module.resolve("bin"));
        for (String script : List.of("standin-runtime", "iggy-server-standin", "iggy-connectors-standin")) {
            Path copy = Files.copy(Path.of("bin", script), bin.resolve(script));
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path target = Files.createDirectories(module.resolve("target"));
        Path lib = Files.createDirectories(target.resolve("standin-lib"));
        String[] classpath = StandInCommand.classpath().split(File.pathSeparator);
        jar(Path.of(classpath[0]), target.resolve("lodestar-test-support-0.0.0-TEST.jar"));
        for (int i = 1; i < classpath.length; i++) {
            Path dependency = Path.of(classpath[i]);
            if (Files.isDirectory(dependency)) {
                // a module of the same build (the protocol), as classes: packaging makes it a jar
                jar(dependency, lib.resolve("dependency-" + i + ".jar"));
            } else {
                Files.copy(dependency, lib.resolve(dependency.getFileName()));
            }
        }
    }

    @Test
    void serverWrapperRunsTheIggyStandInAsTheScriptsOwnPid() {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir)
                .command(List.of(module.resolve("bin/iggy-server-standin").toString())).start()) {
            iggy.awaitHealthy(HEALTHY);

            String command = ProcessHandle.of(iggy.pid()).flatMap(h -> h.info().command()).orElse("");
            assertThat(command).endsWith("java");
            assertThat(iggy.stop()).isZero();
        }
    }

    @Test
    void connectorsWrapperRunsTheConnectorsStandIn() {
        try (StandInProcess connectors = StandInProcess.connectors().workingDir(dir)
                .command(List.of(module.resolve("bin/iggy-connectors-standin").toString())).start()) {
            connectors.awaitHealthy(HEALTHY);

            assertThat(connectors.stop()).isZero();
        }
    }

    @Test
    void missingModeIsAUsageError() throws Exception {
        Process process = new ProcessBuilder(module.resolve("bin/standin-runtime").toString())
                .redirectErrorStream(true).start();

        assertThat(new String(process.getInputStream().readAllBytes())).contains("usage:");
        assertThat(process.waitFor()).isEqualTo(2);
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> tree = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) tree.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }
}
