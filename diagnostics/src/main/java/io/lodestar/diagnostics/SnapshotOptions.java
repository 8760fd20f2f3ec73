package io.lodestar.diagnostics;

import io.lodestar.diagnostics.bundle.BundleOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * What the API's {@code POST /snapshots} body asks for, plus the knobs an operator may turn.
 *
 * @param name          snapshot name, part of the bundle file name
 * @param redactSecrets {@code redact_secrets}, default true
 * @param includeIggy   {@code include_iggy}, default true
 * @param maxDataBytes  cap on the Iggy data taken into the bundle
 * @param checkTimeout  bound on each check's run time
 */
public record SnapshotOptions(String name, boolean redactSecrets, boolean includeIggy, long maxDataBytes,
                              Duration checkTimeout) {

    public SnapshotOptions {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("snapshot name cannot be blank");
        }
        if (maxDataBytes < 0) {
            throw new IllegalArgumentException("maxDataBytes cannot be negative");
        }
        Objects.requireNonNull(checkTimeout, "checkTimeout");
        if (checkTimeout.isZero() || checkTimeout.isNegative()) {
            throw new IllegalArgumentException("checkTimeout must be positive");
        }
    }

    public static SnapshotOptions named(String name) {
        return new SnapshotOptions(name, true, true, BundleOptions.DEFAULT_MAX_DATA_BYTES, CatalogRunner.DEFAULT_TIMEOUT);
    }

    public BundleOptions bundle() {
        return new BundleOptions(includeIggy, maxDataBytes);
    }
}
