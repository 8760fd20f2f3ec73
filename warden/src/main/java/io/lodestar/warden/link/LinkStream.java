package io.lodestar.warden.link;

import io.grpc.Status;
import io.lodestar.protocol.v1.SupervisorMessage;
import io.lodestar.protocol.v1.WardenMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One link stream to the Supervisor, the only view of it the rest of the Warden has. Nothing is
 * sent once the stream has ended, from either side.
 */
public interface LinkStream {

    /** Sends a message; false, and nothing sent, once the stream has ended. Thread-safe. */
    boolean send(WardenMessage message);

    /**
     * The next message from the Supervisor, waiting up to {@code timeout}. Empty on timeout, and
     * at once after the stream ended and every message received before the end was taken.
     */
    Optional<SupervisorMessage> incoming(Duration timeout) throws InterruptedException;

    /** Completes when the stream has ended, with its status: {@code OK} for a clean end. */
    CompletionStage<Status> done();

    /** Whether the stream has ended. */
    default boolean isDone() {
        return done().toCompletableFuture().isDone();
    }

    /** Ends the stream from this side with an error the Supervisor sees as a cancellation. */
    void closeWithError(Status status);

    /** Ends this side of the stream cleanly; the Supervisor then ends its side. */
    void close();
}
