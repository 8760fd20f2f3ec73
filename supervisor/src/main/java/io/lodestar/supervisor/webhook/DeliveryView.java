package io.lodestar.supervisor.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** One delivery of the log {@code GET /webhooks/{id}/deliveries}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryView(
        long id,
        @JsonProperty("event_id") long eventId,
        @JsonProperty("event_type") String eventType,
        String status,
        int attempts,
        @JsonProperty("answer_code") Integer answerCode,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("next_attempt_at") String nextAttemptAt,
        @JsonProperty("delivered_at") String deliveredAt,
        @JsonProperty("created_at") String createdAt) {

    static DeliveryView of(WebhookDelivery delivery) {
        return new DeliveryView(delivery.id, delivery.eventSeq, delivery.eventType, delivery.status, delivery.attempts,
                delivery.answerCode, delivery.lastError,
                WebhookDelivery.PENDING.equals(delivery.status) ? Times.format(delivery.nextAttemptAt) : null,
                Times.format(delivery.deliveredAt), Times.format(delivery.createdAt));
    }
}
