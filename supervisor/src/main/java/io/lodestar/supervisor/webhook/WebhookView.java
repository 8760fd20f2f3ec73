package io.lodestar.supervisor.webhook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** A webhook as the API shows it; its secret only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record WebhookView(
        long id,
        String url,
        @JsonProperty("event_types") List<String> eventTypes,
        String status,
        @JsonProperty("disabled_reason") @JsonInclude(JsonInclude.Include.ALWAYS) String disabledReason,
        @JsonProperty("created_at") String createdAt,
        /** The signing secret, present only when the webhook was just created. */
        String secret) {

    static WebhookView of(Webhook webhook) {
        return withSecret(webhook, null);
    }

    static WebhookView withSecret(Webhook webhook, String secret) {
        return new WebhookView(webhook.id, webhook.url, webhook.types().stream().sorted().toList(), webhook.status,
                webhook.disabledReason, Times.format(webhook.createdAt), secret);
    }
}
