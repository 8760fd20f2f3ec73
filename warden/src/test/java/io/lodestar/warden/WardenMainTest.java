package io.lodestar.warden;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

@QuarkusMainTest
class WardenMainTest {

    @Test
    @Launch(value = "bogus", exitCode = 2)
    void anUnknownCommandIsAUsageError(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("warden: unknown command `bogus`").contains("usage: warden [run");
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void runWithoutIdentityOrTokenExitsWithHowToEnroll(LaunchResult result) {
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("no identity at target/test-state/identity.json; enroll with a token from POST /agents/enrollments");
    }

    @Test
    @Launch(value = "help")
    void helpPrintsUsage(LaunchResult result) {
        assertThat(result.getOutput()).contains("usage: warden [run").contains("diagnose");
    }

    @Test
    void diagnoseWritesABundleWithoutAnySupervisor(QuarkusMainLauncher launcher) throws IOException {
        Path out = Files.createTempDirectory("warden-diagnose");
        LaunchResult result = launcher.launch("diagnose", "--out", out.toString());
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            Path bundle = files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
            assertThat(result.getOutput()).contains(bundle.getFileName().toString());
            try (ZipFile zip = new ZipFile(bundle.toFile())) {
                assertThat(zip.getEntry("report.html")).isNotNull();
                assertThat(zip.getEntry("results.json")).isNotNull();
            }
        }
    }

    @Test
    @Launch(value = { "diagnose", "--bogus" }, exitCode = 2)
    void diagnoseWithBadArgumentsIsAUsageError(LaunchResult result) {
        assertThat(result.getErrorOutput()).isNotBlank();
    }
}
