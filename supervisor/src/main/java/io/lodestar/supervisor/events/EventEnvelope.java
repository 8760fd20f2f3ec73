package io.lodestar.supervisor.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lodestar.supervisor.common.Times;

/** The JSON of one event, the same on a stream and in a webhook delivery. */
public final class EventEnvelope {

    private EventEnvelope() {
    }

    public static String json(ObjectMapper json, SequencedEvent event) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", event.seq());
        envelope.put("type", event.type());
        envelope.put("created_at", Times.format(event.createdAt()));
        envelope.put("tenant_id", event.tenantId());
        if (event.deploymentId() != null) {
            envelope.put("deployment_id", event.deploymentId());
        }
        if (event.nodeId() != null) {
            envelope.put("node_id", event.nodeId());
        }
        try {
            envelope.set("data", json.readTree(event.data()));
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's data is always a JSON object", e);
        }
    }
}
