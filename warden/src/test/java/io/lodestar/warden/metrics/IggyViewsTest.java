package io.lodestar.warden.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.IggyApiView;
import io.lodestar.diagnostics.bundle.BundleAttachment;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.lodestar.testsupport.standin.IggyTokens;
import io.lodestar.testsupport.standin.StandInProcess;
import io.lodestar.warden.runtime.SecretFile;
import io.lodestar.warden.snapshot.IggyOwnSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Iggy's own view read from real stand-in processes, with and without credentials. */
class IggyViewsTest {

    private static final Duration HEALTHY = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static RuntimeStatus status(RuntimeName runtime) {
        return RuntimeStatus.newBuilder().setRuntime(runtime.proto()).setRunning(true).build();
    }

    @Test
    void withATokenTheHeartbeatCarriesTheServersFiguresAndClusterAndASnapshotGetsItsZip() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir.resolve("iggy"))
                .argument("--with-default-root-credentials").knob("streams", "2").knob("topics", "5")
                .knob("clients", "1").knob("messages", "40").start()) {
            iggy.awaitHealthy(HEALTHY);
            Path tokenFile = dir.resolve("iggy-token");
            Files.writeString(tokenFile, IggyTokens.personalAccessToken(iggy.httpPort(), "iggy") + "\n");
            IggyViews views = new IggyViews(Map.of(RuntimeName.IGGY, "http://127.0.0.1:" + iggy.httpPort() + "/ping"),
                    new SecretFile(Optional.of(tokenFile)), new SecretFile(Optional.empty()), Clock.systemUTC());

            views.refresh();
            RuntimeStatus status = views.annotate(List.of(status(RuntimeName.IGGY))).get(0);
            assertThat(status.getApiUnseen()).isEmpty();
            assertThat(status.getIggy().getStreams()).isEqualTo(2);
            assertThat(status.getIggy().getTopics()).isEqualTo(5);
            assertThat(status.getIggy().getMessages()).isEqualTo(40);
            assertThat(status.getClusterList()).singleElement()
                    .satisfies(member -> assertThat(member.getRole()).isEqualTo("leader"));
            views.refresh();
            assertThat(views.diagnosticsView().messages()).hasSize(2);

            List<BundleAttachment> attachments = IggyOwnSnapshot.attachments(views, true);
            assertThat(attachments).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo("iggy-server-snapshot.zip");
                assertThat(a.note()).startsWith("iggy-server-snapshot.zip: the Iggy server's own diagnostic ZIP");
                assertThat(entries(a.content())).contains("server_logs.txt", "server_config.txt");
            });
            assertThat(IggyOwnSnapshot.attachments(views, false)).isEmpty();
        }
    }

    @Test
    void withoutATokenItSaysWhatItCouldNotSee() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir.resolve("iggy")).start()) {
            iggy.awaitHealthy(HEALTHY);
            IggyViews none = new IggyViews(Map.of(RuntimeName.IGGY, "http://127.0.0.1:" + iggy.httpPort() + "/ping"),
                    new SecretFile(Optional.empty()), new SecretFile(Optional.empty()), Clock.systemUTC());
            none.refresh();
            RuntimeStatus status = none.annotate(List.of(status(RuntimeName.IGGY))).get(0);
            assertThat(status.hasIggy()).isFalse();
            assertThat(status.getApiUnseen()).startsWith("no Iggy personal access token is configured");
            assertThat(IggyOwnSnapshot.attachments(none, true)).singleElement()
                    .satisfies(a -> assertThat(a.note()).contains("not included: no Iggy personal access token"));

            Path wrong = dir.resolve("wrong-token");
            Files.writeString(wrong, "not-a-token");
            IggyViews refused = new IggyViews(Map.of(RuntimeName.IGGY, "http://127.0.0.1:" + iggy.httpPort() + "/ping"),
                    new SecretFile(Optional.of(wrong)), new SecretFile(Optional.empty()), Clock.systemUTC());
            refused.refresh();
            String unseen = refused.annotate(List.of(status(RuntimeName.IGGY))).get(0).getApiUnseen();
            assertThat(unseen).isEqualTo("/stats: 401 from /stats (the credentials were refused)").doesNotContain("not-a-token");
        }
    }

    @Test
    void connectorStatusesCarryTheLastErrorAndTheApiKeyIsSent() throws Exception {
        Path work = dir.resolve("connectors");
        Files.createDirectories(work.resolve("connectors"));
        Files.writeString(work.resolve("connectors/pg.toml"), "type = \"source\"\nkey = \"postgres\"\nenabled = true\n"
                + "version = 0\nname = \"Postgres source\"\npath = \"missing/libpg\"\n");
        Files.writeString(work.resolve("config.toml"), "[http]\napi_key = \"k3y\"\n\n[connectors]\nconfig_dir = \"connectors\"\n");
        Path keyFile = dir.resolve("api-key");
        Files.writeString(keyFile, "k3y\n");
        try (StandInProcess connectors = StandInProcess.connectors().workingDir(work).start()) {
            connectors.awaitHealthy(HEALTHY);
            String health = "http://127.0.0.1:" + connectors.httpPort() + "/health";
            IggyViews views = new IggyViews(Map.of(RuntimeName.CONNECTORS, health), new SecretFile(Optional.empty()),
                    new SecretFile(Optional.of(keyFile)), Clock.systemUTC());
            views.refresh();
            RuntimeStatus status = views.annotate(List.of(status(RuntimeName.CONNECTORS))).get(0);
            assertThat(status.getConnectorsList()).singleElement().satisfies(c -> {
                assertThat(c.getKey()).isEqualTo("postgres");
                assertThat(c.getStatus()).isEqualTo("error");
                assertThat(c.getLastError()).contains("Plugin library not found");
            });
            IggyApiView view = views.diagnosticsView();
            assertThat(view.connectors()).extracting(IggyApiView.Connector::status).containsExactly("error");

            IggyViews keyless = new IggyViews(Map.of(RuntimeName.CONNECTORS, health), new SecretFile(Optional.empty()),
                    new SecretFile(Optional.empty()), Clock.systemUTC());
            keyless.refresh();
            assertThat(keyless.annotate(List.of(status(RuntimeName.CONNECTORS))).get(0).getApiUnseen())
                    .contains("401", "warden.runtimes.connectors.api-key-file");
        }
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
