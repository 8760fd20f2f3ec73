package io.lodestar.supervisor.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** A runtime configuration as the API shows it; {@code content} only when one config is read. */
public record RuntimeConfigView(
        long id,
        @JsonProperty("tenant_id") long tenantId,
        @JsonProperty("division_id") long divisionId,
        @JsonProperty("environment_id") long environmentId,
        @JsonProperty("deployment_id") long deploymentId,
        String runtime,
        String name,
        String checksum,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("author_id") long authorId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String content) {

    public static RuntimeConfigView summary(RuntimeConfig config) {
        return of(config, null);
    }

    public static RuntimeConfigView withContent(RuntimeConfig config) {
        return of(config, config.content);
    }

    private static RuntimeConfigView of(RuntimeConfig config, String content) {
        return new RuntimeConfigView(config.id, config.tenantId, config.divisionId, config.environmentId,
                config.deploymentId, config.runtime, config.name, config.checksum, Times.format(config.createdAt),
                config.authorId, content);
    }
}
