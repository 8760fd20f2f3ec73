package io.lodestar.supervisor.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Names;

/** The body of {@code POST /deployments/{deployment_id}/configs}: a named TOML file for one runtime. */
public record NewRuntimeConfigRequest(
        @JsonProperty("runtime")
        @NotNull(message = NewRuntimeConfigRequest.REQUIRED)
        @Schema(description = "The runtime the file configures, such as iggy.", example = "iggy")
        String runtime,
        @JsonProperty("name")
        @NotNull(message = "is required: 1 to " + Names.MAX_LENGTH + " characters, such as \"iggy-tuned\"")
        @Pattern(regexp = Names.NOT_BLANK, message = NewRuntimeConfigRequest.NAME)
        @Size(max = Names.MAX_LENGTH, message = NewRuntimeConfigRequest.NAME)
        @Schema(example = "iggy-tuned")
        String name,
        @JsonProperty("content")
        @NotNull(message = "is required: the TOML file's text")
        @Schema(description = "The TOML file's text.")
        String content) {

    private static final String EXAMPLE = "{\"runtime\":\"iggy\",\"name\":\"…\",\"content\":\"<TOML>\"}";
    static final String REQUIRED = "is required: send " + EXAMPLE;
    static final String BODY_REQUIRED = "The request body is required: send " + EXAMPLE + ".";
    static final String NAME = "must have 1 to " + Names.MAX_LENGTH + " characters, such as \"iggy-tuned\"";
}
