package io.lodestar.supervisor.deployment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /deployments/{deployment_id}/scale}: the wanted number of nodes. */
public record ScaleRequest(
        @JsonProperty("replicas")
        @NotNull(message = "is required: the wanted number of nodes, between 1 and " + DeploymentService.MAX_REPLICAS)
        @Min(value = 1, message = ScaleRequest.RANGE)
        @Max(value = DeploymentService.MAX_REPLICAS, message = ScaleRequest.RANGE)
        @Schema(example = "3")
        Integer replicas) {

    static final String RANGE = "must be between 1 and " + DeploymentService.MAX_REPLICAS;
    static final String BODY_REQUIRED = "The request body is required: send the wanted number of nodes as {\"replicas\": N}, N between 1 and "
            + DeploymentService.MAX_REPLICAS + ".";
}
