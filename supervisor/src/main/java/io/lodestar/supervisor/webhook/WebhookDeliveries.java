package io.lodestar.supervisor.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.supervisor.events.EventLog;
import io.lodestar.supervisor.events.EventType;
import io.quarkus.logging.Log;

/**
 * The delivery queue's state changes. Per webhook only its oldest pending delivery is ever tried, so events
 * arrive in order; a replica claims it for one attempt ({@code claimed_until}) so two replicas never send it at once.
 */
@ApplicationScoped
public class WebhookDeliveries {

    @Inject
    WebhookConfig config;

    @Inject
    EventLog events;

    @Inject
    Clock clock;

    /** The oldest pending delivery of each active webhook, when it is due and not claimed. */
    @Transactional
    List<Long> dueHeads() {
        Instant now = clock.instant();
        List<WebhookDelivery> heads = WebhookDelivery.list("from WebhookDelivery d where d.status = ?1 and d.eventSeq ="
                + " (select min(e.eventSeq) from WebhookDelivery e where e.webhookId = d.webhookId and e.status = ?1)"
                + " and d.webhookId in (select w.id from Webhook w where w.status = ?2)", WebhookDelivery.PENDING, Webhook.ACTIVE);
        return heads.stream().filter(d -> !d.nextAttemptAt.isAfter(now) && (d.claimedUntil == null || d.claimedUntil.isBefore(now)))
                .map(d -> d.id).toList();
    }

    /** Claims the delivery for one attempt; false when another replica holds it or it is no longer pending. */
    @Transactional
    boolean claim(long deliveryId) {
        Instant now = clock.instant();
        return WebhookDelivery.update("claimedUntil = ?1 where id = ?2 and status = ?3 and (claimedUntil is null or claimedUntil < ?4)",
                now.plus(config.timeout()).plusSeconds(30), deliveryId, WebhookDelivery.PENDING, now) == 1;
    }

    /** The webhook's oldest pending delivery, claimed for an attempt now, if there is one, it is due and the webhook active. */
    @Transactional
    Optional<Long> claimNext(long webhookId) {
        Webhook webhook = Webhook.findById(webhookId);
        if (webhook == null || !Webhook.ACTIVE.equals(webhook.status)) {
            return Optional.empty();
        }
        WebhookDelivery head = WebhookDelivery.<WebhookDelivery>find("webhookId = ?1 and status = ?2 order by eventSeq", webhookId,
                WebhookDelivery.PENDING).firstResult();
        if (head == null || head.nextAttemptAt.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return claim(head.id) ? Optional.of(head.id) : Optional.empty();
    }

    @Transactional
    void delivered(long deliveryId, int answerCode) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        delivery.attempts++;
        delivery.status = WebhookDelivery.DELIVERED;
        delivery.answerCode = answerCode;
        delivery.lastError = null;
        delivery.deliveredAt = clock.instant();
        delivery.claimedUntil = null;
    }

    /** The event is gone (past retention): the delivery cannot be made and must not hold up the next ones. */
    @Transactional
    void expired(long deliveryId) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        delivery.status = WebhookDelivery.FAILED;
        delivery.lastError = "Event " + delivery.eventSeq + " was deleted (past the events' retention) before it could be delivered.";
        delivery.claimedUntil = null;
    }

    /**
     * A failed attempt: tried again after an exponential backoff with jitter, until it has failed for
     * {@code retry-for}; then it fails for good and its webhook is disabled, with a {@code webhook.disabled} event.
     */
    @Transactional
    void attemptFailed(long deliveryId, Integer answerCode, String error) {
        Instant now = clock.instant();
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        delivery.attempts++;
        delivery.answerCode = answerCode;
        delivery.lastError = error;
        delivery.claimedUntil = null;
        if (delivery.firstFailedAt == null) {
            delivery.firstFailedAt = now;
        }
        if (Duration.between(delivery.firstFailedAt, now).compareTo(config.retryFor()) < 0) {
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
            return;
        }
        delivery.status = WebhookDelivery.FAILED;
        Webhook webhook = Webhook.findById(delivery.webhookId);
        webhook.status = Webhook.DISABLED;
        webhook.disabledReason = "Deliveries failed for " + config.retryFor() + " (" + delivery.attempts + " attempts on event "
                + delivery.eventSeq + "; last: " + delivery.lastError + ")";
        Log.warnf("Webhook %d disabled: %s", webhook.id, webhook.disabledReason);
        events.append(webhook.tenantId, null, null, EventType.WEBHOOK_DISABLED, Map.of("webhook_id", webhook.id, "url", webhook.url,
                "message", webhook.disabledReason));
    }

    /** {@code retry-initial} doubled per further attempt, at most {@code retry-max}, then 50–100% of that at random. */
    Duration backoff(int attempts) {
        long initial = config.retryInitial().toMillis();
        long max = config.retryMax().toMillis();
        long exponential = attempts >= 31 ? max : Math.min(max, initial << Math.max(0, attempts - 1));
        return Duration.ofMillis(exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1));
    }
}
