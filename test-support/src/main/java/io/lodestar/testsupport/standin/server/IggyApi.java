package io.lodestar.testsupport.standin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.lodestar.testsupport.standin.config.RuntimeConfig;
import io.lodestar.testsupport.standin.config.ServerFigures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's HTTP routes beyond {@code /ping}, as the router in {@code core/server/src/http.rs:287-318}
 * binds them: {@code POST /users/login}, {@code POST /personal-access-tokens/login} (public),
 * {@code POST /personal-access-tokens}, {@code GET /stats}, {@code POST /snapshot},
 * {@code GET /cluster/metadata} and the metrics endpoint (behind a bearer credential).
 * A protected route without a valid bearer answers 401.
 */
final class IggyApi {

    private static final String UNAUTHENTICATED = "{\"id\":40,\"code\":\"unauthenticated\",\"reason\":\"Unauthenticated\"}";
    private static final String INVALID_CREDENTIALS =
            "{\"id\":42,\"code\":\"invalid_credentials\",\"reason\":\"Invalid credentials\"}";
    private static final String INVALID_COMMAND = "{\"id\":3,\"code\":\"invalid_command\",\"reason\":\"Invalid command\"}";

    private final RuntimeConfig config;
    private final Credentials credentials;
    private final Instant startedAt;
    private final long pid;

    IggyApi(RuntimeConfig config, Credentials credentials, Instant startedAt, long pid) {
        this.config = config;
        this.credentials = credentials;
        this.startedAt = startedAt;
        this.pid = pid;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/users/login" -> {
                JsonNode body = Responses.body(exchange);
                identity(exchange, credentials.login(body.path("username").asText(), body.path("password").asText()));
            }
            case "/personal-access-tokens/login" ->
                    identity(exchange, credentials.loginWithPersonalAccessToken(Responses.body(exchange).path("token").asText()));
            default -> protectedRoute(exchange, method, path);
        }
    }

    private void protectedRoute(HttpExchange exchange, String method, String path) throws IOException {
        boolean metrics = config.metricsEndpoint().filter(path::equals).isPresent();
        boolean known = metrics || List.of("/stats", "/snapshot", "/cluster/metadata", "/personal-access-tokens")
                .contains(path);
        if (!known) {
            Responses.send(exchange, 404, Responses.TEXT, "");
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        // extractor.rs:37-38,151-158: only "Bearer <token>" counts
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !credentials.accepts(authorization.substring("Bearer ".length()))) {
            Responses.send(exchange, 401, Responses.JSON, UNAUTHENTICATED);
            return;
        }
        if (metrics) {
            Responses.send(exchange, 200, "application/openmetrics-text; version=1.0.0; charset=utf-8", metrics());
            return;
        }
        switch (method + " " + path) {
            case "GET /stats" -> Responses.json(exchange, 200, stats());
            case "GET /cluster/metadata" -> Responses.json(exchange, 200, ClusterView.metadata(config));
            case "POST /snapshot" -> snapshot(exchange);
            case "POST /personal-access-tokens" -> {
                Optional<String> token = credentials.createPersonalAccessToken(
                        Responses.body(exchange).path("name").asText(null));
                if (token.isPresent()) {
                    Responses.json(exchange, 200, Map.of("token", token.get()));
                } else {
                    Responses.send(exchange, 400, Responses.JSON, INVALID_COMMAND);
                }
            }
            default -> Responses.send(exchange, 405, Responses.TEXT, "");
        }
    }

    private void identity(HttpExchange exchange, Optional<String> token) throws IOException {
        if (token.isEmpty()) {
            Responses.send(exchange, 401, Responses.JSON, INVALID_CREDENTIALS);
            return;
        }
        long expiry = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        Responses.json(exchange, 200, Map.of("user_id", 0,
                "access_token", Map.of("token", token.get(), "expiry", expiry)));
    }

    /** {@code GetSnapshot}: {@code {"compression": "Deflated", "snapshot_types": ["All"]}} (core/common/src/http/system/get_snapshot.rs). */
    private void snapshot(HttpExchange exchange) throws IOException {
        JsonNode body = Responses.body(exchange);
        List<String> requested = new ArrayList<>();
        body.path("snapshot_types").forEach(type -> requested.add(type.asText()));
        List<String> types;
        try {
            types = SnapshotArchive.expand(requested.isEmpty() ? List.of("All") : requested);
        } catch (IllegalArgumentException e) {
            Responses.send(exchange, 400, Responses.JSON, INVALID_COMMAND);
            return;
        }
        byte[] zip = SnapshotArchive.collect(types, config.dataDir());
        String name = "iggy_snapshot_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + ".zip";
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
        Responses.send(exchange, 200, "application/zip", zip);
    }

    /** {@code Stats} (core/common/src/types/stats/mod.rs): times in microseconds, sizes in bytes. */
    private Map<String, Object> stats() {
        ServerFigures figures = config.figures();
        long uptimeMillis = Duration.between(startedAt, Instant.now()).toMillis();
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("process_id", pid);
        stats.put("cpu_usage", 0.0);
        stats.put("total_cpu_usage", 0.0);
        stats.put("memory_usage", runtime.totalMemory() - runtime.freeMemory());
        stats.put("total_memory", runtime.maxMemory());
        stats.put("available_memory", runtime.freeMemory());
        stats.put("run_time", uptimeMillis * 1_000);
        stats.put("start_time", startedAt.toEpochMilli() * 1_000);
        stats.put("read_bytes", 0);
        stats.put("written_bytes", 0);
        stats.put("messages_size_bytes", 0);
        stats.put("streams_count", figures.streams());
        stats.put("topics_count", figures.topics());
        stats.put("partitions_count", figures.partitions());
        stats.put("segments_count", figures.partitions());
        stats.put("messages_count", figures.messages(uptimeMillis));
        stats.put("clients_count", figures.clients());
        stats.put("consumer_groups_count", 0);
        stats.put("hostname", hostname());
        stats.put("os_name", System.getProperty("os.name"));
        stats.put("os_version", System.getProperty("os.version"));
        stats.put("kernel_version", System.getProperty("os.version"));
        stats.put("iggy_server_version", "stand-in");
        stats.put("cache_metrics", Map.of());
        stats.put("threads_count", Thread.activeCount());
        stats.put("free_disk_space", config.dataDir().toFile().getUsableSpace());
        stats.put("total_disk_space", config.dataDir().toFile().getTotalSpace());
        return stats;
    }

    /**
     * The OpenMetrics text of {@code HttpMetrics} (core/server/src/http/metrics.rs:55-82): gauges
     * {@code streams}, {@code topics}, {@code partitions}, {@code segments}, {@code messages},
     * {@code users}, {@code clients}, counter {@code http_requests}, ending in {@code # EOF}.
     */
    private String metrics() {
        ServerFigures figures = config.figures();
        long uptimeMillis = Duration.between(startedAt, Instant.now()).toMillis();
        StringBuilder text = new StringBuilder();
        text.append("# HELP http_requests total count of http_requests.\n# TYPE http_requests counter\n")
                .append("http_requests_total 0\n");
        gauge(text, "streams", figures.streams());
        gauge(text, "topics", figures.topics());
        gauge(text, "partitions", figures.partitions());
        gauge(text, "segments", figures.partitions());
        gauge(text, "messages", figures.messages(uptimeMillis));
        gauge(text, "users", 1);
        gauge(text, "clients", figures.clients());
        return text.append("# EOF\n").toString();
    }

    private static void gauge(StringBuilder text, String name, long value) {
        text.append("# HELP ").append(name).append(" total count of ").append(name).append(".\n")
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
