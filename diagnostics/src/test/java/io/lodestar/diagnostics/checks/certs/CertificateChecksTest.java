package io.lodestar.diagnostics.checks.certs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.SupervisorLink;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateChecksTest {

    @TempDir
    static Path temp;
    static TestCertificates.Pair node;
    static TestCertificates.Pair other;

    @BeforeAll
    static void makeCertificates() throws Exception {
        node = TestCertificates.make(temp, "node-1", "dns:node-1,dns:localhost");
        other = TestCertificates.make(temp, "other", "dns:other.example.com");
    }

    private static Instant expiry() {
        return node.certificate().getNotAfter().toInstant();
    }

    private static HostContext at(Instant now, Path configOrNull) {
        IggySettings iggy = IggySettings.defaults();
        iggy = configOrNull == null ? iggy.withTlsCertificates(List.of(node.cert())) : iggy.withConfigPath(configOrNull);
        return Contexts.on(new FakeHost(), new FakeProbe()).clock(Clock.fixed(now, ZoneOffset.UTC)).iggy(iggy).build();
    }

    @Test
    void validForMoreThanThirtyDaysPasses() throws Exception {
        assertThat(new IggyTlsCheck().run(at(expiry().minus(Duration.ofDays(31)), null)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void underThirtyDaysWarns() throws Exception {
        var result = new IggyTlsCheck().run(at(expiry().minus(Duration.ofDays(29)), null));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("in 29 days");
    }

    @Test
    void expiredFails() throws Exception {
        var result = new IggyTlsCheck().run(at(expiry().plusSeconds(1), null));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("EXPIRED");
    }

    @Test
    void enabledTlsSectionsAreReadFromTheConfigWithKeyMatch() throws Exception {
        Path config = Files.writeString(temp.resolve("config.toml"), "[http.tls]\nenabled = true\ncert_file = \"node-1.pem\"\n"
                + "key_file = \"node-1.key\"\n[quic.certificate]\nself_signed = true\ncert_file = \"ignored.pem\"\n");
        var result = new IggyTlsCheck().run(at(expiry().minus(Duration.ofDays(100)), config));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("key matches");
    }

    @Test
    void aKeyFromAnotherCertificateFails() throws Exception {
        Path config = Files.writeString(temp.resolve("mismatch.toml"), "[http.tls]\nenabled = true\ncert_file = \"node-1.pem\"\n"
                + "key_file = \"other.key\"\n");
        var result = new IggyTlsCheck().run(at(expiry().minus(Duration.ofDays(100)), config));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("does NOT match");
    }

    @Test
    void sanNotCoveringTheHostWarns() throws Exception {
        HostContext context = Contexts.on(new FakeHost(), new FakeProbe())
                .clock(Clock.fixed(expiry().minus(Duration.ofDays(100)), ZoneOffset.UTC))
                .iggy(IggySettings.defaults().withTlsCertificates(List.of(other.cert()))).build();
        assertThat(new IggyTlsCheck().run(context).summary()).contains("SAN does not cover node-1");
    }

    @Test
    void tlsDisabledSkips() throws Exception {
        Path config = Files.writeString(temp.resolve("plain.toml"), "[http.tls]\nenabled = false\ncert_file = \"node-1.pem\"\n");
        assertThat(new IggyTlsCheck().run(at(Instant.now(), config)).status()).isEqualTo(Status.SKIP);
    }

    @Test
    void aConfigThatDoesNotParseSkipsNamingWhereNotGuessing() throws Exception {
        Path config = Files.writeString(temp.resolve("broken.toml"), "[http.tls]\nenabled = true\ncert_file = \"node-1.pem\n");
        var result = new IggyTlsCheck().run(at(expiry().minus(Duration.ofDays(100)), config));
        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("broken.toml is not valid TOML (line 3, column").contains("see runtime.iggy.config");
    }

    @Test
    void wildcardCoversOneLabelOnly() {
        assertThat(CertificateInspector.coversHost(other.certificate(), "other.example.com")).isTrue();
        assertThat(CertificateInspector.coversHost(other.certificate(), "a.other.example.com")).isFalse();
    }

    @Test
    void supervisorLinkCertificateIsJudgedTheSameWay() {
        SupervisorLink link = new SupervisorLink(true, Duration.ofMillis(1), 0, null, null, null, node.cert());
        var result = new SupervisorLinkCertCheck().run(Contexts.on(new FakeHost(), new FakeProbe())
                .clock(Clock.fixed(expiry().plusSeconds(60), ZoneOffset.UTC)).supervisorLink(link).build());
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(new SupervisorLinkCertCheck().run(Contexts.of(new FakeHost())).status()).isEqualTo(Status.SKIP);
    }

    @Test
    void caBundleCountsCertificatesAndWarnsWhenMissing() throws Exception {
        String pem = Files.readString(node.cert()) + Files.readString(other.cert());
        var result = new CaBundleCheck().run(Contexts.of(new FakeHost().file("/etc/ssl/certs/ca-certificates.crt", pem)));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.details()).containsEntry("certificates", "2");
        assertThat(new CaBundleCheck().run(Contexts.of(new FakeHost())).status()).isEqualTo(Status.WARN);
    }
}
