package io.lodestar.supervisor.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** An audit event as the API shows it; {@code actor_id} is the id of the API key that made the request. */
public record AuditEventView(
        long id,
        @JsonProperty("tenant_id") Long tenantId,
        @JsonProperty("actor_id") Long actorId,
        String method,
        String route,
        String action,
        @JsonProperty("target_id") Long targetId,
        int status,
        String outcome,
        @JsonProperty("created_at") String createdAt) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.id, event.tenantId, event.apiKeyId, event.method, event.route, event.action,
                event.targetId, event.status, event.outcome, Times.format(event.createdAt));
    }
}
