package io.lodestar.testsupport.standin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.sun.net.httpserver.HttpExchange;
import io.lodestar.testsupport.standin.config.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The connectors runtime's API beyond {@code /health}: {@code /stats}, {@code /sinks} and
 * {@code /sources}, behind the {@code api-key} header when {@code [http] api_key} is set
 * ({@code core/connectors/runtime/src/api/auth.rs:29-55}; {@code /} and {@code /health} stay public).
 *
 * <p>Connectors come from {@code [connectors] config_dir}, one TOML each ({@code type}, {@code key},
 * {@code enabled}, {@code name}, {@code path}, {@code version}). An enabled connector whose plugin
 * library cannot be found is in {@code error} with {@code last_error} (a {@code FailedPlugin},
 * {@code core/connectors/runtime/src/main.rs:471-476} and {@code context.rs:180-235}, message from
 * {@code resolve_plugin_path}, main.rs:325-380); an enabled one whose library exists is
 * {@code running}; a disabled one is {@code stopped}. {@code /stats} is {@code ConnectorRuntimeStats}
 * and {@code /sinks}/{@code /sources} list {@code SinkInfoResponse}/{@code SourceInfoResponse}
 * ({@code core/connectors/sdk/src/api.rs}): the status is in both, {@code last_error} only in the lists.
 */
final class ConnectorsApi {

    private final RuntimeConfig config;
    private final Instant startedAt;
    private final long pid;

    ConnectorsApi(RuntimeConfig config, Instant startedAt, long pid) {
        this.config = config;
        this.startedAt = startedAt;
        this.pid = pid;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        if (!path.equals("/") && !config.apiKey().isEmpty()
                && !config.apiKey().equals(exchange.getRequestHeaders().getFirst("api-key"))) {
            Responses.send(exchange, 401, Responses.TEXT, "");
            return;
        }
        switch (path) {
            case "/stats" -> Responses.json(exchange, 200, stats());
            case "/sinks" -> Responses.json(exchange, 200, infos("sink"));
            case "/sources" -> Responses.json(exchange, 200, infos("source"));
            default -> Responses.send(exchange, 404, Responses.TEXT, "");
        }
    }

    private record Connector(int id, String type, String key, String name, String path, String version,
                             boolean enabled, String status, String lastError) {
    }

    private List<Connector> connectors() throws IOException {
        List<Connector> connectors = new ArrayList<>();
        if (config.connectorsDir().isEmpty() || !Files.isDirectory(config.connectorsDir().get())) {
            return connectors;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(config.connectorsDir().get())) {
            files = listing.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        TomlMapper toml = new TomlMapper();
        int id = 0;
        for (Path file : files) {
            JsonNode node = toml.readTree(file.toFile());
            String pluginPath = node.path("path").asText("");
            boolean enabled = node.path("enabled").asBoolean(false);
            String status = "stopped";
            String lastError = null;
            if (enabled) {
                Path library = pluginLibrary(pluginPath);
                if (Files.exists(library)) {
                    status = "running";
                } else {
                    status = "error";
                    lastError = "Invalid configuration: Plugin library not found. Searched paths:\n  - " + library
                            + "\nEnsure the shared library (.so/.dylib/.dll) is built and placed in one of these locations.";
                }
            }
            connectors.add(new Connector(id++, node.path("type").asText("sink"), node.path("key").asText(""),
                    node.path("name").asText(""), pluginPath, node.path("version").asText("0"), enabled, status, lastError));
        }
        return connectors;
    }

    /** resolve_plugin_path (main.rs:325-345): a path without a known extension gets {@code .so}. */
    private Path pluginLibrary(String pluginPath) {
        String withExtension = pluginPath.endsWith(".so") || pluginPath.endsWith(".dylib") || pluginPath.endsWith(".dll")
                ? pluginPath : pluginPath + ".so";
        return Path.of("").toAbsolutePath().resolve(withExtension).normalize();
    }

    private List<Map<String, Object>> infos(String type) throws IOException {
        List<Map<String, Object>> infos = new ArrayList<>();
        for (Connector connector : connectors()) {
            if (!connector.type().equals(type)) {
                continue;
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("id", connector.id());
            info.put("key", connector.key());
            info.put("name", connector.name());
            info.put("path", connector.path());
            info.put("enabled", connector.enabled());
            info.put("status", connector.status());
            if (connector.lastError() != null) {
                info.put("last_error", Map.of("message", connector.lastError(),
                        "timestamp", startedAt.toEpochMilli() * 1_000));
            }
            infos.add(info);
        }
        return infos;
    }

    private Map<String, Object> stats() throws IOException {
        List<Connector> connectors = connectors();
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("connectors_runtime_version", "stand-in");
        stats.put("process_id", pid);
        stats.put("cpu_usage", 0.0);
        stats.put("total_cpu_usage", 0.0);
        stats.put("memory_usage", runtime.totalMemory() - runtime.freeMemory());
        stats.put("total_memory", runtime.maxMemory());
        stats.put("available_memory", runtime.freeMemory());
        stats.put("run_time", Duration.between(startedAt, Instant.now()).toNanos() / 1_000);
        stats.put("start_time", startedAt.toEpochMilli() * 1_000);
        stats.put("sources_total", connectors.stream().filter(c -> c.type().equals("source")).count());
        stats.put("sources_running", connectors.stream()
                .filter(c -> c.type().equals("source") && c.status().equals("running")).count());
        stats.put("sinks_total", connectors.stream().filter(c -> c.type().equals("sink")).count());
        stats.put("sinks_running", connectors.stream()
                .filter(c -> c.type().equals("sink") && c.status().equals("running")).count());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Connector connector : connectors) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", connector.key());
            entry.put("name", connector.name());
            entry.put("connector_type", connector.type());
            entry.put("version", connector.version());
            entry.put("status", connector.status());
            entry.put("enabled", connector.enabled());
            entry.put("errors", connector.lastError() == null ? 0 : 1);
            list.add(entry);
        }
        stats.put("connectors", list);
        return stats;
    }
}
