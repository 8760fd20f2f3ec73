package io.lodestar.supervisor.events;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.limits.StreamPermits;
import io.lodestar.supervisor.tenancy.Caller;
import io.vertx.core.http.HttpServerResponse;

/** What both stream routes do once they know the selection: judge Last-Event-ID, take a permit, open the stream. */
@RequestScoped
public class EventStreamOpener {

    @Inject
    Caller caller;

    @Inject
    EventStreams streams;

    @Inject
    StreamPermits permits;

    @Inject
    EventsConfig config;

    void open(EventReader.Selection selection, String header, String param, SseEventSink sink, Sse sse, HttpServerResponse response) {
        Long after = lastEventId(header != null && !header.isBlank() ? header : param);
        StreamPermits.Permit permit = permits.acquire(caller.authorId(), "event streams", config.streamsPerKey());
        response.endHandler(ignored -> permit.release());
        streams.open(selection, after, sink, sse, permit::release, onClose -> response.closeHandler(ignored -> onClose.run()));
    }

    static Set<EventType> parseTypes(List<String> types) {
        return EventType.parseList("types", types == null ? List.of() : types);
    }

    static Long lastEventId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("Last-Event-ID must be the id of an event this stream sent (a whole number, 0 for"
                    + " every event kept); got '" + raw + "'.");
        }
    }
}
