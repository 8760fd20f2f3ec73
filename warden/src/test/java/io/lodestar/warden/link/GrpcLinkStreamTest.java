package io.lodestar.warden.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.lodestar.protocol.v1.Hello;
import io.lodestar.protocol.v1.WardenMessage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GrpcLinkStreamTest {

    private final FakeSupervisor supervisor = new FakeSupervisor();
    @RegisterExtension
    final InProcessSupervisor link = InProcessSupervisor.serving(supervisor);

    private static WardenMessage hello() {
        return WardenMessage.newBuilder().setHello(Hello.newBuilder().setNodeId(1).setNodeSecret("s")).build();
    }

    @Test
    void messagesReceivedBeforeTheEndAreDeliveredThenTheEndIsSeen() throws Exception {
        LinkStream stream = GrpcLinkStream.open(link.channel());
        stream.send(hello());
        assertThat(stream.incoming(Duration.ofSeconds(5))).get().matches(message -> message.hasWelcome());

        supervisor.drop();

        Status status = stream.done().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(stream.incoming(Duration.ofSeconds(1))).isEmpty();
        assertThat(stream.incoming(Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void nothingIsSentAfterTheEnd() throws Exception {
        LinkStream stream = GrpcLinkStream.open(link.channel());
        stream.send(hello());
        supervisor.nextHello(Duration.ofSeconds(5));

        stream.closeWithError(Status.CANCELLED.withDescription("test"));

        assertThat(stream.isDone()).isTrue();
        assertThat(stream.done().toCompletableFuture().get().getCode()).isEqualTo(Status.Code.CANCELLED);
        assertThat(stream.send(hello())).isFalse();
        stream.close();
        stream.closeWithError(Status.INTERNAL);
        assertThat(supervisor.hellos).isEmpty();
    }

    @Test
    void aCleanCloseEndsBothSides() throws Exception {
        LinkStream stream = GrpcLinkStream.open(link.channel());
        stream.send(hello());
        stream.incoming(Duration.ofSeconds(5));

        stream.close();

        assertThat(stream.done().toCompletableFuture().get(5, TimeUnit.SECONDS).isOk()).isTrue();
        assertThat(stream.send(hello())).isFalse();
    }
}
