package io.lodestar.warden.identity;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lodestar.protocol.v1.EnrollRequest;
import io.lodestar.protocol.v1.EnrollResponse;
import io.lodestar.protocol.v1.HostFacts;
import io.lodestar.protocol.v1.WardenLinkGrpc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Exchanges a one-time enrollment token for the node's identity. */
public final class Enrollment {

    private final Channel channel;
    private final String supervisor;
    private final Duration timeout;

    /** @param supervisor where the Supervisor is, for messages */
    public Enrollment(Channel channel, String supervisor, Duration timeout) {
        this.channel = channel;
        this.supervisor = supervisor;
        this.timeout = timeout;
    }

    public NodeIdentity enroll(String token, HostFacts host, String wardenVersion) {
        EnrollRequest request = EnrollRequest.newBuilder()
                .setToken(token)
                .setHost(host)
                .setWardenVersion(wardenVersion)
                .build();
        EnrollResponse response;
        try {
            response = WardenLinkGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .enroll(request);
        } catch (StatusRuntimeException e) {
            throw new IdentityException(explain(e.getStatus()), e);
        }
        try {
            return new NodeIdentity(response.getNodeId(), response.getNodeSecret());
        } catch (IllegalArgumentException e) {
            throw new IdentityException("the Supervisor at " + supervisor + " answered the enrollment with an unusable identity: "
                    + e.getMessage(), e);
        }
    }

    private String explain(Status status) {
        String description = status.getDescription() == null ? "" : ": " + status.getDescription();
        return switch (status.getCode()) {
            case UNAUTHENTICATED, PERMISSION_DENIED -> "the Supervisor at " + supervisor
                    + " refused the enrollment token" + description
                    + ". Create a new token with POST /agents/enrollments";
            case UNAVAILABLE -> "cannot reach the Supervisor at " + supervisor + " to enroll" + description;
            case DEADLINE_EXCEEDED -> "the Supervisor at " + supervisor + " did not answer the enrollment within "
                    + timeout.toMillis() + " ms";
            default -> "enrollment at the Supervisor at " + supervisor + " failed: " + status.getCode() + description;
        };
    }
}
