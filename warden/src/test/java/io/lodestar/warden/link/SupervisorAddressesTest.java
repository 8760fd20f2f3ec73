package io.lodestar.warden.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.lodestar.protocol.v1.HostFacts;
import io.lodestar.warden.config.WardenConfig;
import io.lodestar.warden.identity.Enrollment;
import io.lodestar.warden.identity.NodeIdentity;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A list of Supervisor addresses behind one channel: whichever answers is used, at once. */
class SupervisorAddressesTest {

    private Server first;
    private Server second;
    private ManagedChannel channel;

    @AfterEach
    void tearDown() {
        for (Server server : new Server[] {first, second}) {
            if (server != null) {
                server.shutdownNow();
            }
        }
        if (channel != null) {
            channel.shutdownNow();
        }
    }

    @Test
    void aSupervisorThatDoesNotAnswerIsPassedOverWithinOneAttempt() throws IOException {
        int nobody = unusedPort();
        first = supervisor();
        channel = Channels.build(config("127.0.0.1:" + nobody + ", 127.0.0.1:" + first.getPort() + ",localhost:" + nobody), "test");

        for (int i = 0; i < 5; i++) { // the address order is shuffled: whatever it is, the live one answers
            long started = System.nanoTime();
            assertThat(enroll()).isEqualTo(new NodeIdentity(42, "issued-secret"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void whenTheSupervisorInUseStopsTheNextCallReachesAnother() throws IOException {
        first = supervisor();
        second = supervisor();
        channel = Channels.build(config("127.0.0.1:" + first.getPort() + ",127.0.0.1:" + second.getPort()), "test");
        assertThat(enroll()).isEqualTo(new NodeIdentity(42, "issued-secret"));

        first.shutdownNow();
        // A call racing the closing connection may fail once, as a link stream would, and be tried again.
        assertThat(enrollWithinTwoAttempts()).isEqualTo(new NodeIdentity(42, "issued-secret"));
        second.shutdownNow();
        first = null;
        second = null;
        assertThatThrownBy(this::enroll).hasMessageContaining("cannot reach the Supervisor at the Supervisors");
    }

    @Test
    void anAddressWithoutAPortIsAConfigurationErrorNamingTheSetting() {
        assertThatThrownBy(() -> Channels.build(config("supervisor-a.example,supervisor-b.example:9000"), "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warden.supervisor.addresses: 'supervisor-a.example' is not host:port");
    }

    private NodeIdentity enrollWithinTwoAttempts() {
        try {
            return enroll();
        } catch (RuntimeException closing) {
            return enroll();
        }
    }

    private NodeIdentity enroll() {
        return new Enrollment(channel, "the Supervisors", Duration.ofSeconds(10))
                .enroll("good-token", HostFacts.getDefaultInstance(), "test");
    }

    private static Server supervisor() throws IOException {
        return Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(new FakeSupervisor()).build().start();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static WardenConfig.Supervisor config(String addresses) {
        return new SmallRyeConfigBuilder()
                .withMapping(WardenConfig.class)
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of("warden.supervisor.addresses", addresses), "test", 300))
                .build()
                .getConfigMapping(WardenConfig.class)
                .supervisor();
    }
}
