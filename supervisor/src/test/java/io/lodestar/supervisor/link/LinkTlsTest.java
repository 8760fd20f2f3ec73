package io.lodestar.supervisor.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;

import javax.net.ssl.SSLException;

import org.junit.jupiter.api.Test;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.TestCertificates;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The gRPC port with TLS switched on, as docs/operating/supervisor.md describes it. */
@QuarkusTest
@TestProfile(LinkTlsTest.TlsOn.class)
class LinkTlsTest {

    static final TestCertificates CERTS = TestCertificates.create();

    public static class TlsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.grpc.server.plain-text", "false",
                    "quarkus.grpc.server.ssl.certificate", CERTS.serverCertificate().toString(),
                    "quarkus.grpc.server.ssl.key", CERTS.serverKey().toString());
        }
    }

    private static ManagedChannel trusting(Path ca) throws SSLException {
        return NettyChannelBuilder.forAddress("localhost", Api.grpcPort())
                .sslContext(GrpcSslContexts.forClient().trustManager(ca.toFile()).build())
                .useTransportSecurity().build();
    }

    @Test
    void aWardenTrustingTheSupervisorsCaEnrollsAndConnects() throws Exception {
        try (FakeWarden warden = new FakeWarden(trusting(CERTS.ca())).enroll(Api.enrollmentToken()).connect()) {
            assertThat(warden.awaitWelcome().getSessionEpoch()).isEqualTo(1);
        }
    }

    @Test
    void aWardenTrustingAnotherCaCannotConnect() throws Exception {
        String token = Api.enrollmentToken();
        try (FakeWarden warden = new FakeWarden(trusting(CERTS.otherCa()))) {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> warden.enroll(token));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        }
        // The token was not spent by the refused attempt: a Warden with the right CA can still use it.
        try (FakeWarden warden = new FakeWarden(trusting(CERTS.ca())).enroll(token)) {
            assertThat(warden.nodeId()).isPositive();
        }
    }

    @Test
    void aPlaintextWardenCannotConnect() throws Exception {
        String token = Api.enrollmentToken();
        try (FakeWarden warden = new FakeWarden(Api.grpcPort())) {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> warden.enroll(token));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        }
    }
}
