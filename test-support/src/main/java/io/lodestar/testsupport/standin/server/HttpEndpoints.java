package io.lodestar.testsupport.standin.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.testsupport.standin.StandInFacts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The HTTP API as far as a Warden sees it. iggy: {@code GET /ping} → {@code pong} without auth;
 * {@code /stats}, {@code /metrics}, {@code /snapshot} need an {@code Authorization} header (any
 * value) and answer 401 without one. connectors: {@code GET /health} →
 * {@code {"status":"healthy"}}, plus {@code /stats}, {@code /sinks}, {@code /sources}. With the
 * {@code fail_health} knob the liveness path answers 503.
 */
final class HttpEndpoints implements HttpHandler {

    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final StandInFacts facts;
    private final boolean failHealth;
    private final Instant startedAt;
    private final long pid;

    HttpEndpoints(StandInFacts facts, boolean failHealth, Instant startedAt, long pid) {
        this.facts = facts;
        this.failHealth = failHealth;
        this.startedAt = startedAt;
        this.pid = pid;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(facts.healthPath())) {
                health(exchange);
            } else if (facts.runtime() == RuntimeName.IGGY) {
                iggy(exchange, path);
            } else {
                connectors(exchange, path);
            }
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        boolean iggy = facts.runtime() == RuntimeName.IGGY;
        if (failHealth) {
            send(exchange, 503, iggy ? TEXT : JSON, iggy ? "unavailable" : "{\"status\":\"unhealthy\"}");
        } else {
            send(exchange, 200, iggy ? TEXT : JSON, iggy ? "pong" : "{\"status\":\"healthy\"}");
        }
    }

    private void iggy(HttpExchange exchange, String path) throws IOException {
        boolean known = path.equals("/stats") || path.equals("/metrics") || path.equals("/snapshot");
        if (!known) {
            send(exchange, 404, TEXT, "");
        } else if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            send(exchange, 401, JSON, "{\"id\":40,\"code\":\"unauthenticated\",\"reason\":\"Unauthenticated\"}");
        } else if (path.equals("/stats")) {
            send(exchange, 200, JSON, stats());
        } else if (path.equals("/metrics")) {
            send(exchange, 200, "text/plain; version=0.0.4", "# stand-in runtime\niggy_up 1\n");
        } else {
            send(exchange, 501, TEXT, "the stand-in runtime takes no snapshots");
        }
    }

    private void connectors(HttpExchange exchange, String path) throws IOException {
        switch (path) {
            case "/stats" -> send(exchange, 200, JSON, stats());
            case "/sinks", "/sources" -> send(exchange, 200, JSON, "[]");
            default -> send(exchange, 404, TEXT, "");
        }
    }

    private String stats() {
        long runTimeMicros = Duration.between(startedAt, Instant.now()).toNanos() / 1_000;
        return "{\"process_id\":" + pid + ",\"run_time\":" + runTimeMicros
                + ",\"start_time\":" + startedAt.toEpochMilli() * 1_000
                + ",\"streams_count\":0,\"topics_count\":0,\"partitions_count\":0,\"messages_count\":0"
                + ",\"hostname\":\"stand-in\",\"iggy_server_version\":\"stand-in\"}";
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
