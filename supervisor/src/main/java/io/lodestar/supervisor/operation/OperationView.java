package io.lodestar.supervisor.operation;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** An operation as the API shows it (seed 003), with its scope ids and {@code message}. */
public record OperationView(
        long id,
        @JsonProperty("tenant_id") long tenantId,
        @JsonProperty("division_id") long divisionId,
        @JsonProperty("environment_id") long environmentId,
        String title,
        String description,
        String type,
        String status,
        @JsonProperty("deployment_id") long deploymentId,
        @JsonProperty("agent_id") long agentId,
        @JsonProperty("log_path") String logPath,
        Long pid,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("finished_at") String finishedAt,
        Rollback rollback,
        String message) {

    /** The operation this one rolled back. */
    public record Rollback(@JsonProperty("operation_id") long operationId, String title) {
    }

    public static OperationView of(Operation operation, Operation rolledBack) {
        Rollback rollback = operation.rollbackOf == null ? null
                : new Rollback(operation.rollbackOf, rolledBack == null ? null : rolledBack.title);
        return new OperationView(operation.id, operation.tenantId, operation.divisionId, operation.environmentId,
                operation.title, operation.description, operation.type.wireName(), operation.status.wireName(),
                operation.deploymentId, operation.agentId, logPath(operation.id), operation.pid,
                Times.format(operation.createdAt), Times.format(operation.startedAt), Times.format(operation.finishedAt),
                rollback, operation.message);
    }

    /** Operation logs live in the database and are served by the API, so every replica can serve them. */
    static String logPath(long operationId) {
        return "/operations/" + operationId + "/log";
    }
}
