package io.lodestar.warden.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.ConfigFileReference;
import io.lodestar.protocol.v1.RuntimeStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileReportTest {

    @TempDir
    Path dir;

    private RuntimeStatus report(ConfigFileReport report) {
        return report.annotate(List.of(RuntimeStatus.newBuilder().setRuntime(RuntimeName.IGGY.proto()).build())).get(0);
    }

    @Test
    void reportsTheSha256OfTheFileOnDiskAndSeesAnEditByHand() throws Exception {
        Path config = dir.resolve("server.toml");
        String content = "[cluster]\nname = \"orders\"\n";
        Files.writeString(config, content);
        ConfigFileReport report = new ConfigFileReport(Map.of(RuntimeName.IGGY, config), Map.of(RuntimeName.IGGY, dir));

        assertThat(report(report).getConfigChecksum())
                .isEqualTo(ConfigFileReport.sha256(content.getBytes(StandardCharsets.UTF_8))).hasSize(64);

        String edited = content + "# edited\n";
        Files.writeString(config, edited);
        Files.setLastModifiedTime(config, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(report(report).getConfigChecksum()).isEqualTo(ConfigFileReport.sha256(edited.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void saysWhyItCouldNotReadTheFile() {
        assertThat(report(new ConfigFileReport(Map.of(), Map.of())).getConfigUnread())
                .contains("no config path is configured for iggy");
        RuntimeStatus missing = report(new ConfigFileReport(Map.of(RuntimeName.IGGY, dir.resolve("none.toml")), Map.of()));
        assertThat(missing.getConfigChecksum()).isEmpty();
        assertThat(missing.getConfigUnread()).contains("does not exist");
    }

    @Test
    void reportsTheTlsFilesTheConfigNamesAndWhetherTheyExist() throws Exception {
        Files.writeString(dir.resolve("cert.pem"), "x");
        Path config = dir.resolve("server.toml");
        Files.writeString(config, "[tcp.tls]\nenabled = true\ncert_file = \"cert.pem\"\nkey_file = \"key.pem\"\n"
                + "[cluster.tls]\nca_file = \"\"\n");
        List<ConfigFileReference> files = report(new ConfigFileReport(Map.of(RuntimeName.IGGY, config),
                Map.of(RuntimeName.IGGY, dir))).getConfigFilesList();

        assertThat(files).extracting(ConfigFileReference::getKey, ConfigFileReference::getPath, ConfigFileReference::getExists)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("tcp.tls.cert_file", "cert.pem", true),
                        org.assertj.core.groups.Tuple.tuple("tcp.tls.key_file", "key.pem", false));
    }
}
