package io.lodestar.warden;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.lodestar.warden.link.FakeSupervisor;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code warden enroll} as an operator runs it, against a real gRPC port. */
@QuarkusMainTest
class EnrollCommandTest {

    private Server server;
    private Path dir;
    private Path config;

    @BeforeEach
    void supervisor() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(new FakeSupervisor()).build().start();
        dir = Files.createTempDirectory("warden-enroll");
        config = dir.resolve("etc/warden.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "# written by the installer\nwarden.state-dir=" + dir.resolve("state")
                + "\nwarden.supervisor.port=1\nwarden.runtimes.iggy.command=/opt/iggy/iggy-server\n");
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    private String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Test
    void aGoodTokenStoresTheIdentityOwnerOnlyAndPointsTheConfigAtTheSupervisor(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult result = launcher.launch("enroll", "--supervisor", "grpc://" + address(), "--token", "good-token",
                "--config", config.toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        Path identity = dir.resolve("state/identity.json");
        assertThat(result.getOutput()).contains("enrolled as node 42; identity in " + identity + " (mode 0600)");
        assertThat(Files.readString(identity)).contains("\"node_id\":42").contains("issued-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(config)).containsExactly("# written by the installer",
                "warden.state-dir=" + dir.resolve("state"), "warden.supervisor.port=" + server.getPort(),
                "warden.runtimes.iggy.command=/opt/iggy/iggy-server",
                "warden.supervisor.host=127.0.0.1", "warden.supervisor.tls=false");

        LaunchResult again = launcher.launch("enroll", "--supervisor", address(), "--token", "good-token", "--config", config.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.getErrorOutput()).contains("this node is already enrolled (identity in " + identity + ")");
    }

    @Test
    void aRefusedTokenExitsNonZeroWithTheReasonAndChangesNothing(QuarkusMainLauncher launcher) throws IOException {
        String before = Files.readString(config);

        LaunchResult result = launcher.launch("enroll", "--supervisor", address(), "--token", "used-token", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).contains("warden enroll: the Supervisor at " + address()
                + " refused the enrollment token: unknown or used token. Create a new token with POST /agents/enrollments");
        assertThat(dir.resolve("state/identity.json")).doesNotExist();
        assertThat(Files.readString(config)).isEqualTo(before);
    }

    @Test
    void aMissingOptionOrABadAddressIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult noToken = launcher.launch("enroll", "--supervisor", address());
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.getErrorOutput()).contains("warden enroll: --token is required").contains("usage: warden enroll");

        LaunchResult badAddress = launcher.launch("enroll", "--supervisor", "supervisor.example.com", "--token", "t");
        assertThat(badAddress.exitCode()).isEqualTo(2);
        assertThat(badAddress.getErrorOutput()).contains("expected the Supervisor's gRPC address as host:port");
    }
}
