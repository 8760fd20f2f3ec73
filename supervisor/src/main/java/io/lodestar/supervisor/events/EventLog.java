package io.lodestar.supervisor.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.supervisor.common.Ids;

/** Appends events to the log, in the caller's transaction: the event is there exactly when what caused it commits. */
@ApplicationScoped
public class EventLog {

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** @param data the event's own fields; null values are left out */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(long tenantId, Long deploymentId, Long nodeId, EventType type, Map<String, Object> data) {
        StoredEvent event = new StoredEvent();
        event.id = ids.next();
        event.tenantId = tenantId;
        event.deploymentId = deploymentId;
        event.nodeId = nodeId;
        event.type = type.wireName();
        Map<String, Object> present = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (value != null) {
                present.put(key, value);
            }
        });
        try {
            event.data = json.writeValueAsString(present);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data must be plain values", e);
        }
        event.createdAt = clock.instant();
        event.persist();
    }
}
