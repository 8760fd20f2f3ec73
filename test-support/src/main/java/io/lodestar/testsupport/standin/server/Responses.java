package io.lodestar.testsupport.standin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing answers and reading JSON bodies, shared by both runtimes' APIs. */
final class Responses {

    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Responses() {
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON, MAPPER.writeValueAsBytes(body));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The request body as JSON; a missing or unparsable body is a {@code MissingNode}. */
    static JsonNode body(HttpExchange exchange) {
        try {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            JsonNode node = bytes.length == 0 ? null : MAPPER.readTree(bytes);
            return node == null ? MAPPER.missingNode() : node;
        } catch (IOException e) {
            return MAPPER.missingNode();
        }
    }
}
