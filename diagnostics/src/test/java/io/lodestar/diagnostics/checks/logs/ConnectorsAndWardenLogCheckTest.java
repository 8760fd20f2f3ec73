package io.lodestar.diagnostics.checks.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.ConnectorsSettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.WardenFacts;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorsAndWardenLogCheckTest {

    @TempDir
    Path temp;

    @Test
    void stdoutLoggingSkipsAndAConfiguredFileIsRead() throws Exception {
        assertThat(new ConnectorsLogCheck().run(Contexts.of(new FakeHost())).status()).isEqualTo(Status.SKIP);
        Path log = Files.writeString(temp.resolve("connectors.log"), "no timestamps here\nERROR sink postgres: connection refused\n");
        var result = new ConnectorsLogCheck().run(Contexts.on(new FakeHost(), new FakeProbe())
                .connectors(ConnectorsSettings.defaults().withLogFile(log)).build());
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("in the last 2 lines");
    }

    @Test
    void wardenLogFileIsRead() throws Exception {
        Path log = Files.writeString(temp.resolve("warden.log"), "2026-06-01T10:29:59Z INFO link up\n");
        var result = new WardenLogCheck().run(Contexts.on(new FakeHost(), new FakeProbe())
                .warden(new WardenFacts("1.2.3", Contexts.NOW, log)).build());
        assertThat(result.status()).isEqualTo(Status.PASS);
    }
}
