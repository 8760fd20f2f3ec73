package io.lodestar.supervisor.webhook;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /webhooks}. */
public record NewWebhookRequest(
        @JsonProperty("url")
        @NotNull(message = "is required: the http(s) URL the events are posted to")
        @Size(max = 2000, message = "must have at most 2000 characters")
        @Schema(example = "https://hooks.example.com/lodestar")
        String url,
        @JsonProperty("event_types")
        @Schema(description = "The event types to deliver, such as [\"node.unreachable\"]; omitted or empty: every type.")
        List<String> eventTypes) {

    static final String BODY_REQUIRED = "The request body is required: send {\"url\":\"https://…\",\"event_types\":[\"node.unreachable\"]}.";
}
