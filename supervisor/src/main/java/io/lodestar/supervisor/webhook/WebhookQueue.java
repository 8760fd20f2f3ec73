package io.lodestar.supervisor.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.events.EventType;
import io.lodestar.supervisor.events.EventsSequenced;
import io.lodestar.supervisor.events.SequencedEvent;

/**
 * Puts each newly numbered event in the queue of every active webhook of its tenant that wants its type, in the
 * sequencer's transaction: an event gets its deliveries exactly when it gets its position, so a restart between
 * the two cannot lose or double one. The queue is a table, so deliveries survive restarts.
 */
@ApplicationScoped
public class WebhookQueue {

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    void onSequenced(@Observes EventsSequenced sequenced) {
        Map<Long, List<Webhook>> byTenant = new HashMap<>();
        Instant now = clock.instant();
        for (SequencedEvent event : sequenced.events()) {
            List<Webhook> webhooks = byTenant.computeIfAbsent(event.tenantId(),
                    tenant -> Webhook.list("tenantId = ?1 and status = ?2", tenant, Webhook.ACTIVE));
            Long testedWebhook = EventType.WEBHOOK_TEST.wireName().equals(event.type()) ? testedWebhook(event) : null;
            for (Webhook webhook : webhooks) {
                boolean wanted = testedWebhook != null ? testedWebhook == webhook.id.longValue() : webhook.wants(event.type());
                if (wanted) {
                    queue(webhook, event, now);
                }
            }
        }
    }

    /** A pending delivery of the event to the webhook, due now; tried once the ones before it are done. */
    void queue(Webhook webhook, SequencedEvent event, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = ids.next();
        delivery.webhookId = webhook.id;
        delivery.eventSeq = event.seq();
        delivery.eventType = event.type();
        delivery.status = WebhookDelivery.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        delivery.persist();
    }

    private Long testedWebhook(SequencedEvent event) {
        try {
            JsonNode id = json.readTree(event.data()).get("webhook_id");
            return id == null ? null : id.asLong();
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
