package io.lodestar.supervisor.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventDataTest {

    private final ObjectMapper json = new ObjectMapper();

    private Map<String, Object> decode(String data) throws Exception {
        return json.readValue(data, new TypeReference<>() {
        });
    }

    @Test
    void aLongMessageIsCutAsTheMessageColumnsCutIt() throws Exception {
        Map<String, Object> data = new HashMap<>();
        data.put("activity_id", 7L);
        data.put("message", "m".repeat(100_000));
        data.put("reason", null);
        Map<String, Object> stored = decode(EventLog.encode(data, json));
        assertThat(stored).containsEntry("activity_id", 7).doesNotContainKey("reason");
        assertThat((String) stored.get("message")).hasSize(EventLog.TEXT_LENGTH).endsWith("m… (cut at 2000 characters)");
    }

    @Test
    void textsThatJsonEscapesStillFitTheColumn() throws Exception {
        Map<String, Object> data = new HashMap<>();
        data.put("message", "\u0001".repeat(5_000)); // six characters each in JSON
        data.put("url", "\"".repeat(5_000)); // two each
        String encoded = EventLog.encode(data, json);
        assertThat(encoded.length()).isLessThanOrEqualTo(EventLog.DATA_LENGTH);
        Map<String, Object> stored = decode(encoded);
        assertThat((String) stored.get("message")).startsWith("\u0001").endsWith(" characters)");
        assertThat((String) stored.get("url")).startsWith("\"").endsWith("… (cut at 2000 characters)");
    }
}
