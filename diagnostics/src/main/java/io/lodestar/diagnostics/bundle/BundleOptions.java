package io.lodestar.diagnostics.bundle;

/**
 * @param includeIggy  add {@code iggy-data.zip} with the Iggy data directory
 * @param maxDataBytes cap on the uncompressed bytes taken from the data directory
 */
public record BundleOptions(boolean includeIggy, long maxDataBytes) {

    public static final long DEFAULT_MAX_DATA_BYTES = 512L * 1024 * 1024;

    public BundleOptions {
        if (maxDataBytes < 0) {
            throw new IllegalArgumentException("maxDataBytes cannot be negative: " + maxDataBytes);
        }
    }

    public static BundleOptions defaults() {
        return new BundleOptions(true, DEFAULT_MAX_DATA_BYTES);
    }
}
