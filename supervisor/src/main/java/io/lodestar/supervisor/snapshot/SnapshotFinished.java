package io.lodestar.supervisor.snapshot;

/** Fired inside the transaction that ends a snapshot item (completed or failed); its row is readable there. */
public record SnapshotFinished(long snapshotId, SnapshotStatus status) {
}
