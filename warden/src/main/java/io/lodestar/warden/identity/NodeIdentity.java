package io.lodestar.warden.identity;

/** Who this node is to the Supervisor: the id and secret issued at enrollment. */
public record NodeIdentity(long nodeId, String nodeSecret) {

    public NodeIdentity {
        if (nodeId <= 0) {
            throw new IllegalArgumentException("node_id must be positive, got " + nodeId);
        }
        if (nodeSecret == null || nodeSecret.isBlank()) {
            throw new IllegalArgumentException("node_secret is empty");
        }
    }

    @Override
    public String toString() {
        return "NodeIdentity[nodeId=" + nodeId + ", nodeSecret=***]";
    }
}
