package io.lodestar.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made with openssl when a test runs, never committed: a certificate authority, a
 * server certificate it signs for localhost and 127.0.0.1, and a second, unrelated authority.
 */
public final class TestCertificates {

    public final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    public static TestCertificates create() {
        try {
            Path dir = Files.createTempDirectory("lodestar-tls-");
            TestCertificates certs = new TestCertificates(dir);
            certs.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=Lodestar test CA",
                    "-keyout", "ca.key", "-out", "ca.pem");
            certs.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=Some other CA",
                    "-keyout", "other-ca.key", "-out", "other-ca.pem");
            certs.openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                    "-keyout", "server.key", "-out", "server.csr");
            Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
            certs.openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-days", "1", "-extfile", "san.ext", "-out", "server.pem");
            return certs;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make test certificates", e);
        }
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path otherCa() {
        return dir.resolve("other-ca.pem");
    }

    public Path serverCertificate() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " failed:\n"
                        + Files.readString(dir.resolve("openssl.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making test certificates", e);
        }
    }
}
