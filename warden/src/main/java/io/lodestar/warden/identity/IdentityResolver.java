package io.lodestar.warden.identity;

import io.lodestar.protocol.v1.HostFacts;
import io.quarkus.logging.Log;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the node's identity at start: the identity file if it exists, otherwise an enrollment
 * with the configured token, whose result is stored for the next start.
 */
public final class IdentityResolver {

    private final IdentityFile file;
    private final Optional<String> token;
    private final Supplier<Enrollment> enrollment;

    public IdentityResolver(IdentityFile file, Optional<String> token, Supplier<Enrollment> enrollment) {
        this.file = file;
        this.token = token.filter(t -> !t.isBlank());
        this.enrollment = enrollment;
    }

    public NodeIdentity resolve(HostFacts host, String wardenVersion) {
        Optional<NodeIdentity> stored = file.read();
        if (stored.isPresent()) {
            return stored.get();
        }
        if (token.isEmpty()) {
            throw new IdentityException("no identity at " + file.path() + "; enroll with a token from "
                    + "POST /agents/enrollments (set warden.enrollment-token, or WARDEN_ENROLLMENT_TOKEN)");
        }
        Log.infof("no identity at %s; enrolling with the configured token", file.path());
        NodeIdentity identity = enrollment.get().enroll(token.get(), host, wardenVersion);
        file.write(identity);
        Log.infof("enrolled as node %d; identity stored in %s", identity.nodeId(), file.path());
        return identity;
    }
}
