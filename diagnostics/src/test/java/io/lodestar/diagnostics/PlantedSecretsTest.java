package io.lodestar.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import io.lodestar.diagnostics.testing.Zips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets planted in logs and configs the checks read must not reach report.html, results.json or the bundle. */
class PlantedSecretsTest {

    static final List<String> SECRETS = List.of("PLANTED-jwt-s3cret", "PLANTED-root-pw", "PLANTED-pg-pw",
            "AKIAPLANTEDKEY123456", "PLANTEDbearerTOKEN", "PLANTEDpemBODY");

    @TempDir
    Path temp;

    @Test
    void noPlantedSecretSurvivesIntoTheBundle() throws Exception {
        Path data = Files.createDirectories(temp.resolve("local_data/logs"));
        Files.writeString(data.resolve("iggy-server.log"), String.join("\n",
                "2026-06-01T10:29:00Z ERROR server: auth failed for Authorization: Bearer PLANTEDbearerTOKEN",
                "2026-06-01T10:29:01Z WARN connector: postgres://iggy:PLANTED-pg-pw@db:5432/app unreachable",
                "2026-06-01T10:29:02Z INFO server: env IGGY_ROOT_PASSWORD=PLANTED-root-pw",
                "2026-06-01T10:29:03Z INFO archiver: using AKIAPLANTEDKEY123456",
                "-----BEGIN PRIVATE KEY-----", "PLANTEDpemBODY", "-----END PRIVATE KEY-----"), StandardCharsets.UTF_8);
        Path config = Files.writeString(temp.resolve("config.toml"), "[http.jwt]\nencoding_secret = \"PLANTED-jwt-s3cret\"\n"
                + "[system]\npath = \"local_data\"\nroot password = oops this line is not toml PLANTED-root-pw\n");
        HostContext context = Contexts.on(new FakeHost(), new FakeProbe())
                .iggy(IggySettings.defaults().withDataDir(temp.resolve("local_data")).withConfigPath(config))
                .cpuSampleWindow(java.time.Duration.ZERO).build();
        SnapshotOptions options = new SnapshotOptions("planted", true, false, 1_000_000, CatalogRunner.DEFAULT_TIMEOUT);

        Path bundle = Snapshots.writeBundle(context, options, temp.resolve("out"));

        Map<String, byte[]> entries = Zips.read(bundle);
        String html = Zips.text(entries, "report.html");
        String json = Zips.text(entries, "results.json");
        assertThat(html).contains("[REDACTED]").contains("logs.iggy_recent");
        for (String secret : SECRETS) {
            assertThat(html).as("report.html").doesNotContain(secret);
            assertThat(json).as("results.json").doesNotContain(secret);
        }
        byte[] raw = Files.readAllBytes(bundle);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("PLANTED"); // report entries are deflated; no stored copy either
    }

    @Test
    void withRedactionOffTheSecretsAreThereAndTheReportSaysSo() throws Exception {
        Path data = Files.createDirectories(temp.resolve("local_data/logs"));
        Files.writeString(data.resolve("iggy-server.log"), "2026-06-01T10:29:00Z ERROR password=PLANTED-root-pw\n");
        HostContext context = Contexts.on(new FakeHost(), new FakeProbe())
                .iggy(IggySettings.defaults().withDataDir(temp.resolve("local_data"))).cpuSampleWindow(java.time.Duration.ZERO).build();
        Path bundle = Snapshots.writeBundle(context, new SnapshotOptions("open", false, false, 0, CatalogRunner.DEFAULT_TIMEOUT),
                temp.resolve("out"));
        String html = Zips.text(Zips.read(bundle), "report.html");
        assertThat(html).contains("PLANTED-root-pw").contains("NO: this report may contain secrets");
    }
}
