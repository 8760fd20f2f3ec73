package io.lodestar.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import io.lodestar.diagnostics.testing.Zips;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {

    @TempDir
    Path temp;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DiagnoseCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Contexts.on(new FakeHost(), new FakeProbe()).cpuSampleWindow(Duration.ZERO), Contexts.CLOCK);
    }

    @Test
    void writesTheBundleIntoOutAndPrintsWhereItIs() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("state.log"), "state");
        int code = run("--out", temp.resolve("out").toString(), "--include-iggy", "--data-dir", data.toString(), "--node-id", "n7");

        Path bundle = temp.resolve("out/snapshot-20260601-103000-n7.zip");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("snapshot written: " + bundle);
        assertThat(Zips.read(bundle)).containsOnlyKeys("report.html", "results.json", "iggy-data.zip");
    }

    @Test
    void nameOptionNamesTheBundle() {
        assertThat(run("--out", temp.toString(), "--name", "before-upgrade")).isZero();
        assertThat(temp.resolve("snapshot-before-upgrade-local.zip")).exists();
    }

    @Test
    void noRedactWarnsOnStderr() {
        assertThat(run("--out", temp.toString(), "--no-redact")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("NOT redacted");
    }

    @Test
    void badArgumentsPrintUsageAndReturnTwo() {
        assertThat(run()).isEqualTo(DiagnoseCommand.USAGE);
        assertThat(run("--out")).isEqualTo(2);
        assertThat(run("--out", temp.toString(), "--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: diagnose --out DIR").contains("unknown argument: --frobnicate");
    }

    @Test
    void anUnwritableOutputReturnsOne() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        assertThat(run("--out", file.resolve("sub").toString())).isEqualTo(DiagnoseCommand.FAILED);
    }
}
