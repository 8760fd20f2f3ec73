package io.lodestar.warden.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestar.warden.link.InProcessSupervisor;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.lodestar.protocol.v1.EnrollRequest;
import io.lodestar.protocol.v1.EnrollResponse;
import io.lodestar.protocol.v1.HostFacts;
import io.lodestar.protocol.v1.WardenLinkGrpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class IdentityResolverTest {

    private static final HostFacts HOST = HostFacts.newBuilder().setHostname("node-a").build();

    /** Accepts the token "good", refuses any other as the Supervisor does. */
    private static final class EnrollingSupervisor extends WardenLinkGrpc.WardenLinkImplBase {

        final List<EnrollRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> response) {
            requests.add(request);
            if (!request.getToken().equals("good")) {
                response.onError(Status.UNAUTHENTICATED.withDescription("token expired or already used").asRuntimeException());
                return;
            }
            response.onNext(EnrollResponse.newBuilder().setNodeId(42).setNodeSecret("issued").build());
            response.onCompleted();
        }
    }

    @TempDir
    Path dir;

    private final EnrollingSupervisor supervisor = new EnrollingSupervisor();
    @RegisterExtension
    final InProcessSupervisor link = InProcessSupervisor.serving(supervisor);

    private IdentityResolver resolver(IdentityFile file, String token) {
        return new IdentityResolver(file, Optional.ofNullable(token),
                () -> new Enrollment(link.channel(), "127.0.0.1:9000", Duration.ofSeconds(5)));
    }

    @Test
    void anExistingIdentityIsUsedWithoutEnrolling() {
        IdentityFile file = new IdentityFile(dir.resolve("identity.json"));
        file.write(new NodeIdentity(7, "stored"));

        NodeIdentity identity = resolver(file, "good").resolve(HOST, "1.0");

        assertThat(identity).isEqualTo(new NodeIdentity(7, "stored"));
        assertThat(supervisor.requests).isEmpty();
    }

    @Test
    void aTokenIsExchangedForAnIdentityThatIsStored() {
        IdentityFile file = new IdentityFile(dir.resolve("identity.json"));

        NodeIdentity identity = resolver(file, "good").resolve(HOST, "1.0");

        assertThat(identity).isEqualTo(new NodeIdentity(42, "issued"));
        assertThat(file.read()).contains(identity);
        assertThat(supervisor.requests).singleElement().satisfies(request -> {
            assertThat(request.getHost().getHostname()).isEqualTo("node-a");
            assertThat(request.getWardenVersion()).isEqualTo("1.0");
        });
    }

    @Test
    void aRefusedTokenSaysWhy() {
        IdentityFile file = new IdentityFile(dir.resolve("identity.json"));

        assertThatThrownBy(() -> resolver(file, "stale").resolve(HOST, "1.0"))
                .isInstanceOf(IdentityException.class)
                .hasMessage("the Supervisor at 127.0.0.1:9000 refused the enrollment token: token expired or already used."
                        + " Create a new token with POST /agents/enrollments");
        assertThat(file.exists()).isFalse();
    }

    @Test
    void withoutIdentityOrTokenItSaysHowToEnroll() {
        Path path = dir.resolve("identity.json");

        assertThatThrownBy(() -> resolver(new IdentityFile(path), null).resolve(HOST, "1.0"))
                .isInstanceOf(IdentityException.class)
                .hasMessageStartingWith("no identity at " + path + "; enroll with a token from POST /agents/enrollments");
    }

    @Test
    void anUnreachableSupervisorIsNamed() {
        link.stopServer();

        assertThatThrownBy(() -> resolver(new IdentityFile(dir.resolve("identity.json")), "good").resolve(HOST, "1.0"))
                .isInstanceOf(IdentityException.class)
                .hasMessageStartingWith("cannot reach the Supervisor at 127.0.0.1:9000 to enroll");
    }
}
