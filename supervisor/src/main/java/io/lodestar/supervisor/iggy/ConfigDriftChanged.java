package io.lodestar.supervisor.iggy;

/**
 * A node's config drift appeared, changed or went away.
 *
 * @param drift what differs, in a sentence per runtime; null when the files match what Lodestar applied again
 */
public record ConfigDriftChanged(long deploymentId, long nodeId, String drift) {
}
