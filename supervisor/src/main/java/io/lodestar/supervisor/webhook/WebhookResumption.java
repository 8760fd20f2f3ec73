package io.lodestar.supervisor.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.events.EventLog;
import io.lodestar.supervisor.events.EventReader;
import io.lodestar.supervisor.events.EventSequencer;
import io.lodestar.supervisor.events.EventType;
import io.lodestar.supervisor.events.SequencedEvent;

/**
 * Enables a webhook that was disabled for failing too long, so that it goes on where it stopped: the delivery
 * it stopped on is tried again (with a fresh retry window), then the ones queued behind it, then every event of
 * its types that happened while it was disabled and is still kept, all in event order.
 */
@ApplicationScoped
public class WebhookResumption {

    /** Events read from the log at once while queueing the ones missed. */
    private static final int READ = 500;

    @Inject
    EventSequencer sequencer;

    @Inject
    EventReader reader;

    @Inject
    WebhookQueue queue;

    @Inject
    EventLog events;

    @Inject
    Clock clock;

    @Transactional
    public Map<String, Object> enable(Webhook webhook, long authorId) {
        if (Webhook.ACTIVE.equals(webhook.status)) {
            throw new DomainException.Conflict("Webhook " + webhook.id + " is active already; only a disabled webhook can be enabled.");
        }
        // Nothing is numbered until this commits: events up to bounds.lastSeq are queued here, later ones by WebhookQueue.
        EventReader.Bounds bounds = sequencer.holdNumbering();
        Instant now = clock.instant();
        WebhookDelivery stopped = WebhookDelivery.<WebhookDelivery>find("webhookId = ?1 and status = ?2 order by eventSeq desc",
                webhook.id, WebhookDelivery.FAILED).firstResult();
        if (stopped != null) {
            stopped.status = WebhookDelivery.PENDING;
            stopped.firstFailedAt = null;
            stopped.nextAttemptAt = now;
            stopped.claimedUntil = null;
        }
        WebhookDelivery newest = WebhookDelivery.<WebhookDelivery>find("webhookId = ?1 order by eventSeq desc", webhook.id).firstResult();
        long queuedThrough = newest == null ? bounds.lastSeq() : newest.eventSeq;
        int missed = queueMissed(webhook, queuedThrough, bounds.lastSeq(), now);
        boolean lost = bounds.prunedThrough() > queuedThrough;
        long pending = WebhookDelivery.count("webhookId = ?1 and status = ?2", webhook.id, WebhookDelivery.PENDING);
        webhook.status = Webhook.ACTIVE;
        webhook.disabledReason = null;

        String message = "Webhook " + webhook.id + " is enabled again: " + pending + " deliveries are queued, in event order"
                + (stopped != null ? ", starting with event " + stopped.eventSeq + " it stopped on" : "") + "; " + missed
                + " of them are events of its types from while it was disabled"
                + (lost ? "; some events from while it was disabled were already deleted (older than the retention) and are not sent" : "")
                + ".";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhook_id", webhook.id);
        data.put("url", webhook.url);
        data.put("enabled_by", authorId);
        data.put("message", message);
        events.append(webhook.tenantId, null, null, EventType.WEBHOOK_ENABLED, data);

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", webhook.id);
        answer.put("status", webhook.status);
        answer.put("resumes_at_event", stopped == null ? null : stopped.eventSeq);
        answer.put("pending_deliveries", pending);
        answer.put("missed_events_queued", missed);
        answer.put("missed_events_lost", lost);
        answer.put("message", message);
        return answer;
    }

    /** Queues the events of the webhook's types numbered after {@code after} up to {@code upTo}; returns how many. */
    private int queueMissed(Webhook webhook, long after, long upTo, Instant now) {
        Set<EventType> types = EventType.parseList("event_types", List.of(webhook.eventTypes.replace(' ', ',')));
        EventReader.Selection selection = new EventReader.Selection(webhook.tenantId, null, types);
        int queued = 0;
        long position = after;
        while (position < upTo) {
            List<SequencedEvent> read = reader.after(selection, position, upTo, READ);
            if (read.isEmpty()) {
                break;
            }
            for (SequencedEvent event : read) {
                // a test delivery belongs to the webhook it was asked for, and none could be asked for this one while disabled
                if (webhook.wants(event.type()) && !EventType.WEBHOOK_TEST.wireName().equals(event.type())) {
                    queue.queue(webhook, event, now);
                    queued++;
                }
            }
            position = read.get(read.size() - 1).seq();
        }
        return queued;
    }
}
