package io.lodestar.supervisor.events;

/** An event that has its stream position: what streams send and webhooks deliver. */
public record SequencedEvent(long seq, long tenantId, Long deploymentId, Long nodeId, String type, String data,
        java.time.Instant createdAt) {
}
