package io.lodestar.diagnostics;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Iggy server lives on this node. Defaults match {@code iggy-server}'s own: data in
 * {@code local_data} (relative to its working directory), TCP 8090, QUIC 8080/udp, HTTP 3000
 * answering {@code GET /ping} with {@code pong}, WebSocket 8092.
 *
 * @param tlsCertificates certificate files to inspect; when empty the check reads
 *                        {@code cert_file} entries from the config file
 */
public record IggySettings(String processName, Path configPath, Path dataDir, int tcpPort, int quicPort,
                           int httpPort, int webSocketPort, URI pingUri, List<Path> tlsCertificates,
                           String serviceUnit) implements RuntimeSettings {

    public IggySettings {
        Objects.requireNonNull(processName, "processName");
        Objects.requireNonNull(configPath, "configPath");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(pingUri, "pingUri");
        Objects.requireNonNull(serviceUnit, "serviceUnit");
        Ports.require(tcpPort, quicPort, httpPort, webSocketPort);
        tlsCertificates = List.copyOf(tlsCertificates);
    }

    public static IggySettings defaults() {
        return fromEnvironment(Map.of());
    }

    /** Honours the same variables the server reads: {@code IGGY_CONFIG_PATH}, {@code IGGY_SYSTEM_PATH}. */
    public static IggySettings fromEnvironment(Map<String, String> env) {
        return new IggySettings("iggy-server",
                Path.of(env.getOrDefault("IGGY_CONFIG_PATH", "config.toml")),
                Path.of(env.getOrDefault("IGGY_SYSTEM_PATH", "local_data")),
                8090, 8080, 3000, 8092, URI.create("http://127.0.0.1:3000/ping"), List.of(), "iggy.service");
    }

    /** {@code GET /ping} answers {@code pong} with no authentication. */
    @Override
    public URI healthUri() {
        return pingUri;
    }

    @Override
    public boolean healthy(int status, String body) {
        return status == 200 && body.strip().contains("pong");
    }

    @Override
    public List<Path> footprint() {
        return List.of(configPath, dataDir);
    }

    /** Iggy writes its server logs below the data directory. */
    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public IggySettings withDataDir(Path dir) {
        return new IggySettings(processName, configPath, dir, tcpPort, quicPort, httpPort, webSocketPort, pingUri,
                tlsCertificates, serviceUnit);
    }

    public IggySettings withConfigPath(Path path) {
        return new IggySettings(processName, path, dataDir, tcpPort, quicPort, httpPort, webSocketPort, pingUri,
                tlsCertificates, serviceUnit);
    }

    public IggySettings withPingUri(URI uri) {
        return new IggySettings(processName, configPath, dataDir, tcpPort, quicPort, httpPort, webSocketPort, uri,
                tlsCertificates, serviceUnit);
    }

    public IggySettings withTlsCertificates(List<Path> certificates) {
        return new IggySettings(processName, configPath, dataDir, tcpPort, quicPort, httpPort, webSocketPort, pingUri,
                certificates, serviceUnit);
    }
}
