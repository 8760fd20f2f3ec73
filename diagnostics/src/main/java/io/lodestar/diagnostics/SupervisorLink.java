package io.lodestar.diagnostics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Warden's session with its Supervisor, as the Warden last saw it. Absent when diagnostics
 * run standalone; the link checks then skip.
 *
 * @param clockOffset Supervisor clock minus local clock, when the link measured it
 * @param appliedIggyConfigSha256 checksum of the Iggy config the Supervisor last applied, hex
 */
public record SupervisorLink(boolean connected, Duration roundTrip, int reconnects, Duration clockOffset,
                             String appliedIggyConfigSha256, String appliedConnectorsConfigSha256,
                             Path clientCertificate) {

    public SupervisorLink {
        Objects.requireNonNull(roundTrip, "roundTrip");
        if (reconnects < 0) {
            throw new IllegalArgumentException("reconnects cannot be negative");
        }
    }

    public Optional<Duration> measuredClockOffset() {
        return Optional.ofNullable(clockOffset);
    }

    public Optional<Path> certificate() {
        return Optional.ofNullable(clientCertificate);
    }
}
