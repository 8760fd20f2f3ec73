package io.lodestar.supervisor.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.events.EventLog;
import io.lodestar.supervisor.events.EventType;
import io.lodestar.supervisor.tenancy.Secrets;

/** Webhooks of a tenant: create (the secret shown once), read, delete, test, and their delivery log. */
@ApplicationScoped
public class WebhookService {

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookConfig config;

    @Inject
    EventLog events;

    @Inject
    Ids ids;

    @Inject
    WebhookResumption resumption;

    @Inject
    Clock clock;

    @Transactional
    public WebhookView create(long tenantId, long authorId, String url, List<String> eventTypes) {
        targets.check(url);
        Set<EventType> types = EventType.parseList("event_types", eventTypes == null ? List.of() : eventTypes);
        long held = Webhook.count("tenantId", tenantId);
        if (held >= config.perTenant()) {
            throw new DomainException.Conflict("This tenant already has " + held + " webhooks, the most one may ("
                    + "supervisor.webhooks.per-tenant); delete one with DELETE /webhooks/{webhook_id} first.");
        }
        Webhook webhook = new Webhook();
        webhook.id = ids.next();
        webhook.tenantId = tenantId;
        webhook.url = url.strip();
        webhook.eventTypes = Webhook.encode(types);
        webhook.secret = Secrets.generate("whsec_");
        webhook.status = Webhook.ACTIVE;
        webhook.authorId = authorId;
        webhook.createdAt = clock.instant();
        webhook.persist();
        return WebhookView.withSecret(webhook, webhook.secret);
    }

    public Page<WebhookView> list(long tenantId, PageRequest request) {
        return Page.of(Webhook.<Webhook>find("tenantId = ?1 order by id desc", tenantId), request, WebhookView::of);
    }

    public WebhookView get(long tenantId, long webhookId) {
        return WebhookView.of(owned(tenantId, webhookId));
    }

    @Transactional
    public void delete(long tenantId, long webhookId) {
        Webhook webhook = owned(tenantId, webhookId);
        WebhookDelivery.delete("webhookId", webhook.id);
        webhook.delete();
    }

    /** Records a {@code webhook.test} event, which is delivered to this webhook only, in its turn after the events before it. */
    @Transactional
    public void test(long tenantId, long webhookId) {
        Webhook webhook = owned(tenantId, webhookId);
        if (!Webhook.ACTIVE.equals(webhook.status)) {
            throw new DomainException.Conflict("Webhook " + webhookId + " is disabled (" + webhook.disabledReason
                    + "); enable it again with POST /webhooks/" + webhookId + "/enable.");
        }
        events.append(tenantId, null, null, EventType.WEBHOOK_TEST, Map.of("webhook_id", webhook.id,
                "message", "A test delivery requested with POST /webhooks/" + webhook.id + "/test."));
    }

    /** See {@link WebhookResumption}. */
    @Transactional
    public Map<String, Object> enable(long tenantId, long authorId, long webhookId) {
        return resumption.enable(owned(tenantId, webhookId), authorId);
    }

    public Page<DeliveryView> deliveries(long tenantId, long webhookId, PageRequest request) {
        Webhook webhook = owned(tenantId, webhookId);
        return Page.of(WebhookDelivery.<WebhookDelivery>find("webhookId = ?1 order by eventSeq desc", webhook.id), request,
                DeliveryView::of);
    }

    private static Webhook owned(long tenantId, long webhookId) {
        Webhook webhook = Webhook.<Webhook>find("id = ?1 and tenantId = ?2", webhookId, tenantId).firstResult();
        if (webhook == null) {
            throw new DomainException.NotFound("Webhook " + webhookId + " was not found.");
        }
        return webhook;
    }
}
