package io.lodestar.supervisor.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/** Reads optional JSON bodies: an absent body and {@code {}} mean the same, malformed JSON is a 400. */
public final class JsonBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {
    }

    /** The body as a JSON object, empty when absent; anything but an object is a 400. */
    public static JsonNode optionalObject(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DomainException.Invalid("The request body is not valid JSON: " + describe(e));
        }
        if (node == null || node instanceof NullNode) {
            return MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw new DomainException.Invalid("The request body must be a JSON object, such as {} or {\"nodes\":[…]}.");
        }
        return node;
    }

    /** Parses a 64-bit id given as a JSON number or a string of digits (JavaScript clients lose precision past 2^53). */
    public static long id(JsonNode value, String field) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException ignored) {
                // falls through to the error below
            }
        }
        throw new DomainException.Invalid(field + " must hold integer ids, such as 610809900976570889; got " + value);
    }

    static String describe(JsonProcessingException error) {
        JsonLocation where = error.getLocation();
        String message = error.getOriginalMessage();
        int cut = message.indexOf('\n');
        String summary = (cut > 0 ? message.substring(0, cut) : message)
                .replaceAll("\\s*\\(start marker at \\[Source:[^]]*][^)]*\\)", "")
                .replaceAll("\\s*at \\[Source:[^]]*]", "");
        return where == null ? summary : summary + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }
}
