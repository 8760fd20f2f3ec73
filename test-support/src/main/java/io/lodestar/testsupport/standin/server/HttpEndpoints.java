package io.lodestar.testsupport.standin.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.testsupport.standin.config.RuntimeConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The HTTP API as far as a Warden sees it. iggy: {@code GET /ping} → {@code pong} without auth
 * (core/server/src/http.rs:231), the rest in {@link IggyApi}. connectors: {@code GET /health} →
 * {@code {"status":"healthy"}}, the rest in {@link ConnectorsApi}. With the {@code fail_health}
 * knob the liveness path answers 503.
 */
public final class HttpEndpoints implements HttpHandler {

    private final RuntimeConfig config;
    private final IggyApi iggy;
    private final ConnectorsApi connectors;
    /** When the endpoints were made, just before the listeners bind: {@code fail_health_after_ms} counts from here. */
    private final Instant servingSince = Instant.now();

    private HttpEndpoints(RuntimeConfig config, IggyApi iggy, ConnectorsApi connectors) {
        this.config = config;
        this.iggy = iggy;
        this.connectors = connectors;
    }

    /** The endpoints of the server, with its users loaded from the data directory. */
    public static HttpEndpoints server(RuntimeConfig config, java.util.Map<String, String> env,
                                       boolean withDefaultRoot, RuntimeLog log, Instant startedAt, long pid)
            throws IOException {
        return new HttpEndpoints(config,
                new IggyApi(config, Credentials.load(config.dataDir(), env, withDefaultRoot, log), startedAt, pid), null);
    }

    /** The endpoints of the connectors runtime. */
    public static HttpEndpoints connectors(RuntimeConfig config, Instant startedAt, long pid) {
        return new HttpEndpoints(config, null, new ConnectorsApi(config, startedAt, pid));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(config.facts().healthPath())) {
                health(exchange);
            } else if (config.facts().runtime() == RuntimeName.IGGY) {
                iggy.handle(exchange, path);
            } else {
                connectors.handle(exchange, path);
            }
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        boolean server = config.facts().runtime() == RuntimeName.IGGY;
        Duration sickAfter = config.knobs().failHealthAfter();
        boolean sickened = !sickAfter.isZero() && Duration.between(servingSince, Instant.now()).compareTo(sickAfter) >= 0;
        if (config.knobs().failHealth() || sickened) {
            Responses.send(exchange, 503, server ? Responses.TEXT : Responses.JSON,
                    server ? "unavailable" : "{\"status\":\"unhealthy\"}");
        } else {
            Responses.send(exchange, 200, server ? Responses.TEXT : Responses.JSON,
                    server ? "pong" : "{\"status\":\"healthy\"}");
        }
    }
}
