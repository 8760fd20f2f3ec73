package io.lodestar.supervisor.snapshot;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The optional body of {@code POST …/snapshots} (seed 004); every field defaults to {@code true}. */
public record NewSnapshotRequest(
        @JsonProperty("redact_secrets")
        @Schema(description = "Mask passwords, keys and tokens in the report.", defaultValue = "true")
        Boolean redactSecrets,
        @JsonProperty("include_iggy")
        @Schema(description = "Bundle the Iggy data directory state as a separate ZIP.", defaultValue = "true")
        Boolean includeIggy) {

    /** What an absent body asks for. */
    public static final NewSnapshotRequest DEFAULTS = new NewSnapshotRequest(null, null);

    SnapshotService.Options options() {
        return new SnapshotService.Options(redactSecrets == null || redactSecrets, includeIggy == null || includeIggy);
    }
}
