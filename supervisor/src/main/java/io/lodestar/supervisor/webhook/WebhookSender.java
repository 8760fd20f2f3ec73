package io.lodestar.supervisor.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.events.EventEnvelope;
import io.lodestar.supervisor.events.EventReader;
import io.lodestar.supervisor.events.SequencedEvent;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends due deliveries: per webhook one at a time, oldest first, going on to the next as soon as one is
 * delivered. Each POST carries the event's JSON (as on the streams) signed in {@code Lodestar-Signature}.
 */
@ApplicationScoped
@Startup
public class WebhookSender {

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookConfig config;

    @Inject
    EventReader reader;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private ExecutorService workers;
    private ScheduledExecutorService ticker;
    private HttpClient http;

    @PostConstruct
    void start() {
        workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        // Its own thread: the scheduler's every runs no more often than once a second.
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-due");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.deliveryInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::sendDue, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        workers.shutdownNow();
    }

    void sendDue() {
        try {
            for (long deliveryId : deliveries.dueHeads()) {
                if (deliveries.claim(deliveryId)) {
                    workers.submit(() -> sendFrom(deliveryId));
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("Looking for due webhook deliveries failed this time: %s", e.getMessage());
        }
    }

    /** Sends this claimed delivery and, while they succeed, the webhook's next ones. */
    private void sendFrom(long firstDeliveryId) {
        Optional<Long> next = Optional.of(firstDeliveryId);
        while (next.isPresent()) {
            Long settledFor = attempt(next.get());
            next = settledFor != null ? deliveries.claimNext(settledFor) : Optional.empty();
        }
    }

    /**
     * One attempt. Returns the webhook's id when the delivery is settled (delivered, or its event expired) and
     * the next may go; null when it failed and waits for its retry.
     */
    private Long attempt(long deliveryId) {
        WebhookDelivery delivery = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.findById(deliveryId));
        Webhook webhook = QuarkusTransaction.requiringNew().call(() -> Webhook.findById(delivery.webhookId));
        if (webhook == null) {
            return null;
        }
        Optional<SequencedEvent> event = reader.at(delivery.eventSeq);
        if (event.isEmpty()) {
            deliveries.expired(deliveryId);
            return webhook.id;
        }
        String body = EventEnvelope.json(json, event.get());
        try {
            URI target = targets.check(webhook.url);
            HttpRequest request = HttpRequest.newBuilder(target).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Lodestar-Supervisor")
                    .header(WebhookSignature.HEADER, WebhookSignature.header(webhook.secret, clock.instant().getEpochSecond(), body))
                    .header("Lodestar-Event-Id", Long.toString(delivery.eventSeq))
                    .header("Lodestar-Event-Type", delivery.eventType)
                    .header("Lodestar-Delivery-Id", Long.toString(delivery.id))
                    .header("Lodestar-Webhook-Id", Long.toString(webhook.id))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
                deliveries.delivered(deliveryId, answer.statusCode());
                return webhook.id;
            }
            deliveries.attemptFailed(deliveryId, answer.statusCode(), "The receiver answered " + answer.statusCode() + ".");
        } catch (DomainException e) {
            deliveries.attemptFailed(deliveryId, null, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Log.debugf("Webhook %s delivery %s failed: %s", String.valueOf(webhook.id), String.valueOf(deliveryId), e.toString());
            deliveries.attemptFailed(deliveryId, null, "Could not reach " + webhook.url + ": " + e);
        }
        return null;
    }
}
