package io.lodestar.diagnostics.checks.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.ConnectorsSettings;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityChecksTest {

    @TempDir
    Path temp;

    private HostContext context(FakeProbe probe) {
        return Contexts.on(new FakeHost(), probe)
                .iggy(IggySettings.defaults().withDataDir(temp.resolve("data")).withConfigPath(temp.resolve("config.toml")))
                .connectors(ConnectorsSettings.defaults().withConfigPath(temp.resolve("connectors.toml"))).build();
    }

    private Path withMode(Path path, String mode) throws Exception {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return path;
    }

    @Test
    void dataDirPermissions() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        withMode(data, "rwxr-x---");
        assertThat(new DataDirPermissionsCheck().run(context(new FakeProbe())).status()).isEqualTo(Status.PASS);
        withMode(data, "rwxr-xr-x");
        assertThat(new DataDirPermissionsCheck().run(context(new FakeProbe())).status()).isEqualTo(Status.WARN);
        withMode(data, "rwxrwxrwx");
        assertThat(new DataDirPermissionsCheck().run(context(new FakeProbe())).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void worldReadableConfigWithSecretsFailsWithoutSecretsWarns() throws Exception {
        Path config = Files.writeString(temp.resolve("config.toml"), "[http.jwt]\nencoding_secret = \"abc\"\n");
        withMode(config, "rw-r-----");
        assertThat(new ConfigPermissionsCheck().run(context(new FakeProbe())).status()).isEqualTo(Status.PASS);
        withMode(config, "rw-r--r--");
        var result = new ConfigPermissionsCheck().run(context(new FakeProbe()));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("contains secrets");
        Files.writeString(config, "[system]\npath = \"local_data\"\n");
        assertThat(new ConfigPermissionsCheck().run(context(new FakeProbe())).status()).isEqualTo(Status.WARN);
    }

    @Test
    void runtimeAsRootWarns() {
        assertThat(new RuntimeUserCheck().run(context(new FakeProbe())).status()).isEqualTo(Status.SKIP);
        assertThat(new RuntimeUserCheck().run(context(new FakeProbe().running(FakeProbe.process(1, "iggy-server", "1000")))).status())
                .isEqualTo(Status.PASS);
        var root = new RuntimeUserCheck().run(context(new FakeProbe().running(FakeProbe.process(1, "iggy-server", "0"))));
        assertThat(root.status()).isEqualTo(Status.WARN);
        assertThat(root.remediation()).contains("User=iggy");
    }

    @Test
    void lsmReportsSelinuxAndApparmor() {
        FakeHost host = new FakeHost().file("/sys/kernel/security/lsm", "lockdown,capability,apparmor\n")
                .file("/sys/module/apparmor/parameters/enabled", "Y\n");
        var result = new LsmCheck().run(Contexts.of(host));
        assertThat(result.summary()).isEqualTo("SELinux not enabled, AppArmor enabled");
    }
}
