package io.lodestar.diagnostics;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the agent running the snapshot knows about itself. */
public record WardenFacts(String version, Instant startedAt, Path logFile) {

    public WardenFacts {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public Optional<Path> log() {
        return Optional.ofNullable(logFile);
    }
}
