package io.lodestar.diagnostics;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Iggy connectors runtime lives: config from {@code IGGY_CONNECTORS_CONFIG_PATH}, state
 * in {@code local_state}, HTTP API on 127.0.0.1:8081 answering {@code GET /health}.
 *
 * @param logFile connectors log to stdout by default; set when the deployment redirects to a file
 */
public record ConnectorsSettings(String processName, Path configPath, Path stateDir, int httpPort, URI healthUri,
                                 Path logFile, String serviceUnit) implements RuntimeSettings {

    public ConnectorsSettings {
        Objects.requireNonNull(processName, "processName");
        Objects.requireNonNull(configPath, "configPath");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(healthUri, "healthUri");
        Objects.requireNonNull(serviceUnit, "serviceUnit");
        Ports.require(httpPort);
    }

    public static ConnectorsSettings defaults() {
        return fromEnvironment(Map.of());
    }

    public static ConnectorsSettings fromEnvironment(Map<String, String> env) {
        return new ConnectorsSettings("iggy-connectors",
                Path.of(env.getOrDefault("IGGY_CONNECTORS_CONFIG_PATH", "connectors.toml")),
                Path.of("local_state"), 8081, URI.create("http://127.0.0.1:8081/health"), null,
                "iggy-connectors.service");
    }

    /** {@code GET /health} answers {@code {"status":"healthy"}}. */
    @Override
    public boolean healthy(int status, String body) {
        return status == 200 && body.replace(" ", "").contains("\"status\":\"healthy\"");
    }

    @Override
    public List<Path> footprint() {
        return List.of(configPath, stateDir);
    }

    public Optional<Path> log() {
        return Optional.ofNullable(logFile);
    }

    public ConnectorsSettings withConfigPath(Path path) {
        return new ConnectorsSettings(processName, path, stateDir, httpPort, healthUri, logFile, serviceUnit);
    }

    public ConnectorsSettings withHealthUri(URI uri) {
        return new ConnectorsSettings(processName, configPath, stateDir, httpPort, uri, logFile, serviceUnit);
    }

    public ConnectorsSettings withLogFile(Path file) {
        return new ConnectorsSettings(processName, configPath, stateDir, httpPort, healthUri, file, serviceUnit);
    }
}
