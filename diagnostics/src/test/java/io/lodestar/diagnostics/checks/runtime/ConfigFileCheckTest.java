package io.lodestar.diagnostics.checks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.ConnectorsSettings;
import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.SupervisorLink;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileCheckTest {

    static final String CONFIG = "[system]\npath = \"local_data\"\n\n[http]\nenabled = true\naddress = \"127.0.0.1:3000\"\n"
            + "[http.cors]\nallowed_methods = [\n  \"GET\",\n  \"POST\",\n]\n";

    @TempDir
    Path temp;

    private io.lodestar.diagnostics.CheckResult iggy(Path config, SupervisorLink link) throws Exception {
        return new IggyConfigCheck().run(Contexts.on(new FakeHost(), new FakeProbe())
                .iggy(IggySettings.defaults().withConfigPath(config)).supervisorLink(link).build());
    }

    private static SupervisorLink applied(String sha) {
        return new SupervisorLink(true, Duration.ofMillis(3), 0, null, sha, null, null);
    }

    @Test
    void absentConfigMeansBuiltInDefaults() throws Exception {
        assertThat(iggy(temp.resolve("config.toml"), null).status()).isEqualTo(Status.INFO);
    }

    @Test
    void soundConfigPassesAndMatchesTheAppliedChecksum() throws Exception {
        Path config = Files.writeString(temp.resolve("config.toml"), CONFIG);
        String sha = iggy(config, null).details().get("sha256");
        var result = iggy(config, applied(sha.toUpperCase()));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("matches the applied config");
        assertThat(result.details()).containsEntry("http", "true at 127.0.0.1:3000").containsEntry("system.path", "local_data");
    }

    @Test
    void locallyEditedConfigWarns() throws Exception {
        Path config = Files.writeString(temp.resolve("config.toml"), CONFIG);
        assertThat(iggy(config, applied("00".repeat(32))).status()).isEqualTo(Status.WARN);
    }

    @Test
    void malformedConfigFailsNamingLineAndColumnOnly() throws Exception {
        Path config = Files.writeString(temp.resolve("config.toml"), "[system\npassword hunter2\n");
        var result = iggy(config, null);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).endsWith("is not valid TOML: line 1, column 8: Newline not permitted here")
                .doesNotContain("hunter2");
        assertThat(result.details()).containsKeys("path", "sha256");
    }

    @Test
    void unterminatedStringFailsAsTheSupervisorWouldRefuseIt() throws Exception {
        Path config = Files.writeString(temp.resolve("config.toml"), "[http.jwt]\nencoding_secret = \"hunter2\n");
        var result = iggy(config, null);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("line 2, column 27: Newline not permitted here").doesNotContain("hunter2");
        assertThat(result.remediation()).contains("Supervisor rejects");
    }

    @Test
    void connectorsConfigCountsConnectorFiles() throws Exception {
        Files.createDirectories(temp.resolve("connectors"));
        Files.writeString(temp.resolve("connectors/postgres_sink.toml"), "type = \"sink\"\n");
        Files.writeString(temp.resolve("connectors/README"), "x");
        Path config = Files.writeString(temp.resolve("runtime.toml"), "[connectors]\nconfig_dir = \"connectors\"\n");
        var result = new ConnectorsConfigCheck().run(Contexts.on(new FakeHost(), new FakeProbe())
                .connectors(ConnectorsSettings.defaults().withConfigPath(config)).build());
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.details()).containsEntry("connector_files", "1");
    }
}
