package io.lodestar.diagnostics.checks.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IggyLogCheckTest {

    @TempDir
    Path temp;

    private io.lodestar.diagnostics.CheckResult run(String log) throws Exception {
        Path logs = Files.createDirectories(temp.resolve("local_data/logs"));
        Path old = Files.writeString(logs.resolve("iggy-server.log.1"), "2026-06-01T10:20:00Z ERROR old rotated file\n");
        Files.setLastModifiedTime(old, FileTime.fromMillis(0));
        Files.writeString(logs.resolve("iggy-server.log"), log);
        return new IggyLogCheck().run(Contexts.on(new FakeHost(), new FakeProbe())
                .iggy(IggySettings.defaults().withDataDir(temp.resolve("local_data"))).build());
    }

    @Test
    void errorsInTheLastHourWarnOlderOnesDoNot() throws Exception {
        var result = run("2026-06-01T09:00:00.000Z ERROR an hour and a half ago\n"
                + "2026-06-01T10:00:00.123456Z  WARN server: slow fsync\n"
                + "2026-06-01T10:29:00Z ERROR streaming: append failed\n");
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.details()).containsEntry("errors", "1").containsEntry("warnings", "1");
        assertThat(result.details().get("file")).endsWith("iggy-server.log");
        assertThat(result.details().get("excerpt")).endsWith("append failed");
    }

    @Test
    void onlyOldErrorsPass() throws Exception {
        assertThat(run("2026-06-01T08:00:00Z ERROR long ago\n2026-06-01T10:10:00Z INFO fine\n").status()).isEqualTo(Status.PASS);
    }

    @Test
    void noLogDirectorySkips() throws Exception {
        assertThat(new IggyLogCheck().run(Contexts.on(new FakeHost(), new FakeProbe())
                .iggy(IggySettings.defaults().withDataDir(temp.resolve("absent"))).build()).status()).isEqualTo(Status.SKIP);
    }

    @Test
    void offsetTimestampsAreUnderstood() {
        assertThat(LogScan.timestampOf("2026-06-01 12:29:00+0200 ERROR x")).hasValueSatisfying(
                t -> assertThat(t.toString()).isEqualTo("2026-06-01T10:29:00Z"));
    }
}
