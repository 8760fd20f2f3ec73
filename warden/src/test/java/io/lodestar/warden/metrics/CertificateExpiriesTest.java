package io.lodestar.warden.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.CertificateExpiry;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.lodestar.warden.runtime.ConfigFileReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateExpiriesTest {

    @TempDir
    Path dir;

    /** A self-signed certificate made by openssl, valid for {@code days} from now. */
    private Path certificate(String name, String subject, int days) throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-days", Integer.toString(days), "-subj", "/CN=" + subject, "-keyout", name + ".key", "-out", name)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(output).isZero();
        return dir.resolve(name);
    }

    private static long daysLeft(CertificateExpiry expiry) {
        return Duration.between(Instant.now(), Instant.ofEpochMilli(expiry.getNotAfterMs())).toHours();
    }

    @Test
    void reportsTheLinkCaAndTheCertificatesTheIggyConfigNamesWithTheirExpiry() throws Exception {
        Path linkCa = certificate("link-ca.pem", "link CA", 400);
        certificate("server.pem", "iggy.example", 10);
        // a CA bundle: the certificate expiring first is the one that breaks it
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, Files.readString(certificate("ca-a.pem", "CA A", 90)) + Files.readString(certificate("ca-b.pem", "CA B", 5)));
        Path config = dir.resolve("server.toml");
        Files.writeString(config, "[http.tls]\nenabled = true\ncert_file = \"server.pem\"\nkey_file = \"server.pem.key\"\n"
                + "[cluster.tls]\nca_file = \"bundle.pem\"\n[tcp.tls]\ncert_file = \"gone.pem\"\n");
        ConfigFileReport configFiles = new ConfigFileReport(Map.of(RuntimeName.IGGY, config), Map.of(RuntimeName.IGGY, dir));
        configFiles.annotate(List.of(RuntimeStatus.newBuilder().setRuntime(RuntimeName.IGGY.proto()).build()));
        CertificateExpiries expiries = new CertificateExpiries(() -> {
            List<ConfigFileReport.CertificateFile> files = new ArrayList<>(configFiles.certificateFiles());
            files.add(new ConfigFileReport.CertificateFile("warden.supervisor.tls-ca-file", linkCa));
            return files;
        });

        List<CertificateExpiry> read = expiries.read();

        assertThat(read).extracting(CertificateExpiry::getKey).containsExactly("iggy:cluster.tls.ca_file",
                "iggy:http.tls.cert_file", "iggy:tcp.tls.cert_file", "warden.supervisor.tls-ca-file");
        assertThat(daysLeft(read.get(0))).isCloseTo(5 * 24, within(2L));
        assertThat(read.get(0).getSubject()).isEqualTo("CN=CA B");
        assertThat(read.get(1).getPath()).isEqualTo(dir.resolve("server.pem").toString());
        assertThat(daysLeft(read.get(1))).isCloseTo(10 * 24, within(2L));
        assertThat(read.get(1).getSubject()).isEqualTo("CN=iggy.example");
        assertThat(read.get(2).getNotAfterMs()).isZero();
        assertThat(read.get(2).getUnread()).isEqualTo("the file does not exist");
        assertThat(daysLeft(read.get(3))).isCloseTo(400 * 24, within(2L));
    }

    @Test
    void seesARenewedCertificateAndSaysWhyAFileIsNoCertificate() throws Exception {
        Path cert = certificate("server.pem", "old", 3);
        CertificateExpiries expiries = new CertificateExpiries(() -> List.of(new ConfigFileReport.CertificateFile("iggy:http.tls.cert_file", cert)));
        assertThat(daysLeft(expiries.read().get(0))).isCloseTo(3 * 24, within(2L));

        Files.write(cert, Files.readAllBytes(certificate("renewed.pem", "new", 365)));
        Files.setLastModifiedTime(cert, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        CertificateExpiry renewed = expiries.read().get(0);
        assertThat(daysLeft(renewed)).isCloseTo(365 * 24, within(2L));
        assertThat(renewed.getSubject()).isEqualTo("CN=new");

        Files.writeString(cert, "not a certificate\n");
        Files.setLastModifiedTime(cert, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        CertificateExpiry broken = expiries.read().get(0);
        assertThat(broken.getNotAfterMs()).isZero();
        assertThat(broken.getUnread()).startsWith("not a certificate").doesNotContain("null");
    }
}
