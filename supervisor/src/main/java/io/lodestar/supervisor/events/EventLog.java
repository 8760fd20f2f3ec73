package io.lodestar.supervisor.events;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.supervisor.common.FreeTextBound;
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

    /** The size of {@code events.data}. */
    static final int DATA_LENGTH = 8000;
    /** An event's text values are cut as the message columns are, so an event's message reads as its row's. */
    static final int TEXT_LENGTH = 2000;

    /** @param data the event's own fields; null values are left out */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(long tenantId, Long deploymentId, Long nodeId, EventType type, Map<String, Object> data) {
        StoredEvent event = new StoredEvent();
        event.id = ids.next();
        event.tenantId = tenantId;
        event.deploymentId = deploymentId;
        event.nodeId = nodeId;
        event.type = type.wireName();
        event.data = encode(data, json);
        event.createdAt = clock.instant();
        event.persist();
    }

    /**
     * The data as JSON that fits {@code events.data}: texts cut to {@link #TEXT_LENGTH}, then, while JSON escapes
     * (quotes, control characters) still make it too long, the text longest in JSON cut by what is over.
     */
    static String encode(Map<String, Object> data, ObjectMapper json) {
        Map<String, Object> present = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (value != null) {
                present.put(key, value instanceof String text ? FreeTextBound.cut(text, TEXT_LENGTH) : value);
            }
        });
        String encoded = write(present, json);
        while (encoded.length() > DATA_LENGTH) {
            int over = encoded.length() - DATA_LENGTH;
            Map.Entry<String, Object> longest = present.entrySet().stream().filter(entry -> entry.getValue() instanceof String)
                    .max(Comparator.comparingInt(entry -> write(entry.getValue(), json).length()))
                    .orElseThrow(() -> new IllegalStateException("Event data with no text is " + over + " characters too long"));
            String text = (String) longest.getValue();
            // As many characters as the excess takes at this text's rate of escapes; at least one, so the loop ends.
            int escaped = write(text, json).length();
            int drop = Math.max(1, (int) Math.ceil((double) over * text.length() / escaped));
            longest.setValue(FreeTextBound.cut(text, text.length() - drop));
            encoded = write(present, json);
        }
        return encoded;
    }

    private static String write(Object value, ObjectMapper json) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data must be plain values", e);
        }
    }
}
