package io.lodestar.supervisor.activity;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The optional body of a runtime action (seeds 000/001): {@code {}} targets every node of the deployment. */
@Schema(description = "Omit the body or send {} to target every node of the deployment.")
public record TriggerActivityRequest(
        @JsonProperty("nodes")
        @Schema(description = "The node ids to target; ids may be strings of digits.", example = "[610809900976570889]")
        List<@NotNull(message = "must be an integer id, such as 610809900976570889, not null") Long> nodes,
        @JsonProperty("force")
        @Schema(description = "reconfigure only: apply a change the plan calls dangerous (cluster.name, system.path, "
                + "system.encryption.key, cluster.auth/cluster.tls, missing TLS files); without it such a change is refused with 409.")
        Boolean force) {

    /** Whether a dangerous reconfigure is applied anyway. */
    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }

    /** The nodes asked for; empty means all of them. */
    public Optional<List<Long>> targets() {
        return Optional.ofNullable(nodes);
    }
}
