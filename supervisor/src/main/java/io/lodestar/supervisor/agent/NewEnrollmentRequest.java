package io.lodestar.supervisor.agent;

import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The optional body of {@code POST /agents/enrollments}. */
public record NewEnrollmentRequest(
        @JsonProperty("environment_id")
        @Schema(description = "The environment the node joins; the tenant's first when omitted.", example = "610809900976570889")
        Long environmentId) {

    public Optional<Long> environment() {
        return Optional.ofNullable(environmentId);
    }
}
