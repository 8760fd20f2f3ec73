package io.lodestar.supervisor.webhook;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.lodestar.supervisor.common.OwnedBodies;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** Webhooks of the key's tenant; see docs/api/webhooks.md. */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    Caller caller;

    @Inject
    WebhookService webhooks;

    @Inject
    OwnedBodies bodies;

    @POST
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    public Response create(NewWebhookRequest body) {
        NewWebhookRequest request = bodies.valid(body, NewWebhookRequest.BODY_REQUIRED);
        return Response.status(201).entity(webhooks.create(caller.tenantId(), caller.authorId(), request.url(), request.eventTypes()))
                .build();
    }

    @GET
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    public Page<WebhookView> list(@BeanParam PageParams paging) {
        return webhooks.list(caller.tenantId(), paging.toRequest());
    }

    @GET
    @Path("/{webhook_id}")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    public WebhookView get(@PathParam("webhook_id") String webhookId) {
        return webhooks.get(caller.tenantId(), PathIds.parse(webhookId, "webhook_id"));
    }

    @DELETE
    @Path("/{webhook_id}")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    public Map<String, Object> delete(@PathParam("webhook_id") String webhookId) {
        long id = PathIds.parse(webhookId, "webhook_id");
        webhooks.delete(caller.tenantId(), id);
        return Map.of("id", id, "deleted", true);
    }

    /** Queues a {@code webhook.test} event for this webhook alone, delivered after the events queued before it. */
    @POST
    @Path("/{webhook_id}/test")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    public Response test(@PathParam("webhook_id") String webhookId) {
        long id = PathIds.parse(webhookId, "webhook_id");
        webhooks.test(caller.tenantId(), id);
        return Response.status(202).entity(Map.of("webhook_id", id, "event_type", "webhook.test",
                "message", "A webhook.test event was queued for this webhook; see GET /webhooks/" + id + "/deliveries.")).build();
    }

    /** A webhook disabled for failing too long goes on where it stopped; see {@link WebhookResumption}. */
    @POST
    @Path("/{webhook_id}/enable")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    public Map<String, Object> enable(@PathParam("webhook_id") String webhookId) {
        return webhooks.enable(caller.tenantId(), caller.authorId(), PathIds.parse(webhookId, "webhook_id"));
    }

    @GET
    @Path("/{webhook_id}/deliveries")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    public Page<DeliveryView> deliveries(@PathParam("webhook_id") String webhookId, @BeanParam PageParams paging) {
        return webhooks.deliveries(caller.tenantId(), PathIds.parse(webhookId, "webhook_id"), paging.toRequest());
    }
}
