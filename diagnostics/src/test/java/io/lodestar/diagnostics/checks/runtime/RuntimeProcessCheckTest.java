package io.lodestar.diagnostics.checks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Check;
import io.lodestar.diagnostics.CheckCatalog;
import io.lodestar.diagnostics.ConnectorsSettings;
import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeProcessCheckTest {

    private static final Check IGGY = CheckCatalog.factories().get("runtime.iggy.process").get();
    private static final Check CONNECTORS = CheckCatalog.factories().get("runtime.connectors.process").get();

    @TempDir
    Path temp;

    private IggySettings settings() {
        return IggySettings.defaults().withDataDir(temp.resolve("local_data")).withConfigPath(temp.resolve("config.toml"));
    }

    @Test
    void runningProcessPassesWithItsFacts() throws Exception {
        FakeProbe probe = new FakeProbe().running(FakeProbe.process(100, "iggy-server", "1000"));
        var result = IGGY.run(Contexts.on(new FakeHost(), probe).iggy(settings()).build());
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.details()).containsEntry("pid", "100").containsEntry("resident", "64.0 MiB");
    }

    @Test
    void notRunningButInstalledFails() throws Exception {
        Files.createDirectories(temp.resolve("local_data"));
        var result = IGGY.run(Contexts.on(new FakeHost(), new FakeProbe()).iggy(settings()).build());
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.remediation()).contains("systemctl start iggy.service");
    }

    @Test
    void notInstalledSkips() throws Exception {
        assertThat(IGGY.run(Contexts.on(new FakeHost(), new FakeProbe()).iggy(settings()).build()).status())
                .isEqualTo(Status.SKIP);
    }

    @Test
    void connectorsNotRunningWithTheirStateOnDiskFail() throws Exception {
        Path state = Files.createDirectories(temp.resolve("local_state"));
        ConnectorsSettings connectors = new ConnectorsSettings("iggy-connectors", temp.resolve("connectors.toml"), state, 8081,
                ConnectorsSettings.defaults().healthUri(), null, "iggy-connectors.service");
        var result = CONNECTORS.run(Contexts.on(new FakeHost(), new FakeProbe()).connectors(connectors).build());
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).startsWith("iggy-connectors is not running, but " + state);
        assertThat(result.remediation()).contains("systemctl start iggy-connectors.service");
    }
}
