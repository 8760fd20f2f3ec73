package io.lodestar.diagnostics.checks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IggyProcessCheckTest {

    @TempDir
    Path temp;

    private IggySettings settings() {
        return IggySettings.defaults().withDataDir(temp.resolve("local_data")).withConfigPath(temp.resolve("config.toml"));
    }

    @Test
    void runningProcessPassesWithItsFacts() {
        FakeProbe probe = new FakeProbe().running(FakeProbe.process(100, "iggy-server", "1000"));
        var result = new IggyProcessCheck().run(Contexts.on(new FakeHost(), probe).iggy(settings()).build());
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.details()).containsEntry("pid", "100").containsEntry("resident", "64.0 MiB");
    }

    @Test
    void notRunningButInstalledFails() throws Exception {
        Files.createDirectories(temp.resolve("local_data"));
        var result = new IggyProcessCheck().run(Contexts.on(new FakeHost(), new FakeProbe()).iggy(settings()).build());
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.remediation()).contains("systemctl start iggy.service");
    }

    @Test
    void notInstalledSkips() {
        assertThat(new IggyProcessCheck().run(Contexts.on(new FakeHost(), new FakeProbe()).iggy(settings()).build()).status())
                .isEqualTo(Status.SKIP);
    }
}
