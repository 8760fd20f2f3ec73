package io.lodestar.warden.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import io.lodestar.protocol.v1.HostFacts;
import io.lodestar.warden.config.WardenConfig;
import io.lodestar.warden.identity.Enrollment;
import io.lodestar.warden.identity.IdentityException;
import io.lodestar.warden.identity.NodeIdentity;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link's TLS switch, against a server whose self-signed certificate openssl makes. */
class ChannelsTlsTest {

    @TempDir
    Path dir;

    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void setUp() throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        assumeTrue(Files.isExecutable(openssl), "openssl is needed to make a test certificate");
        Process process = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(),
                "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assumeTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "openssl could not make a certificate");
        server = Grpc.newServerBuilderForPort(0,
                        TlsServerCredentials.create(dir.resolve("cert.pem").toFile(), dir.resolve("key.pem").toFile()))
                .addService(new FakeSupervisor())
                .build()
                .start();
    }

    @AfterEach
    void tearDown() {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    private WardenConfig.Supervisor config(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "warden.supervisor.host", "localhost",
                "warden.supervisor.port", String.valueOf(server.getPort()),
                "warden.supervisor.tls", "true"));
        properties.putAll(extra);
        return new SmallRyeConfigBuilder()
                .withMapping(WardenConfig.class)
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .build()
                .getConfigMapping(WardenConfig.class)
                .supervisor();
    }

    private NodeIdentity enrollOver(WardenConfig.Supervisor config) {
        channel = Channels.build(config, "test");
        return new Enrollment(channel, Channels.address(config), Duration.ofSeconds(10))
                .enroll("good-token", HostFacts.getDefaultInstance(), "test");
    }

    @Test
    void theLinkTrustsTheConfiguredCertificateAuthority() {
        WardenConfig.Supervisor config = config(Map.of("warden.supervisor.tls-ca-file", dir.resolve("cert.pem").toString()));

        assertThat(enrollOver(config)).isEqualTo(new NodeIdentity(42, "issued-secret"));
    }

    @Test
    void anUnknownCertificateAuthorityIsRefused() {
        WardenConfig.Supervisor config = config(Map.of());

        assertThatThrownBy(() -> enrollOver(config))
                .isInstanceOf(IdentityException.class)
                .hasMessageStartingWith("cannot reach the Supervisor at localhost:" + server.getPort() + " to enroll");
    }

    @Test
    void anUnreadableCertificateAuthorityFileIsAConfigurationError() throws IOException {
        WardenConfig.Supervisor config = config(Map.of("warden.supervisor.tls-ca-file", dir.resolve("missing.pem").toString()));

        assertThatThrownBy(() -> Channels.build(config, "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warden.supervisor.tls-ca-file: cannot read");
    }
}
