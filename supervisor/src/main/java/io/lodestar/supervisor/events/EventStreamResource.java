package io.lodestar.supervisor.events;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;
import io.vertx.core.http.HttpServerResponse;

/** The tenant's event stream (server-sent events); see docs/api/events.md. */
@Path("/events/stream")
public class EventStreamResource {

    @Inject
    Caller caller;

    @Inject
    EventStreamOpener opener;

    /** Every event of the key's tenant. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public void tenantStream(@QueryParam("types") List<String> types, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("last_event_id") String lastEventIdParam, @Context SseEventSink sink, @Context Sse sse,
            @Context HttpServerResponse response) {
        opener.open(new EventReader.Selection(caller.tenantId(), null, EventStreamOpener.parseTypes(types)), lastEventId,
                lastEventIdParam, sink, sse, response);
    }
}
