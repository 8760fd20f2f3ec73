package io.lodestar.testsupport.standin;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.testsupport.standin.config.ListenerSpec;
import io.lodestar.testsupport.standin.config.Protocol;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the stand-in mimics of one runtime: where the config comes from, how environment overrides
 * are spelled, where data lives, which ports are bound and which path answers the liveness probe.
 * The runtime itself is named by {@link RuntimeName}; these are only the facts of the real binary.
 *
 * @param binaryName the real binary, used in log lines and file names
 * @param defaultConfigPath the config file used when {@link #configPathEnv()} is unset, relative to the working dir
 * @param envPrefix prefix of {@code <PREFIX><SECTION>_<KEY>} environment overrides
 * @param dataSection the TOML section whose {@code path} key names the data directory
 * @param defaultDataPath the data directory used when the config names none, relative to the working dir
 * @param healthPath HTTP path of the unauthenticated liveness probe
 * @param listeners the listeners the runtime binds, in binding order
 * @param runningMessage the line the runtime logs once it serves
 * @param data the files the runtime keeps below its data directory
 */
public record StandInFacts(RuntimeName runtime, String binaryName, String defaultConfigPath, String envPrefix,
                           String dataSection, String defaultDataPath, String healthPath,
                           List<ListenerSpec> listeners, String runningMessage, DataLayout data) {

    /**
     * Where the files of a runtime's data directory are, relative to it.
     *
     * @param stateFile the stand-in's own state file (pid, start count, bound addresses)
     * @param logFile the runtime's log file, when it writes one beside its output
     * @param messagesFile a file standing in for stored messages, so a data bundle has content
     */
    public record DataLayout(String stateFile, Optional<String> logFile, Optional<String> messagesFile) {
    }

    private static final StandInFacts IGGY = new StandInFacts(RuntimeName.IGGY, "iggy-server",
            "configs/server.toml", "IGGY_", "system", "local_data", "/ping",
            List.of(
                    new ListenerSpec("tcp", Protocol.TCP, "127.0.0.1:8090", "TCP server"),
                    new ListenerSpec("http", Protocol.HTTP, "127.0.0.1:3000", "HTTP API"),
                    new ListenerSpec("quic", Protocol.UDP, "127.0.0.1:8080", "QUIC server"),
                    new ListenerSpec("websocket", Protocol.TCP, "127.0.0.1:8092", "WebSocket server")),
            "Iggy server is running. Press CTRL+C to shut down.",
            new DataLayout("state/stand-in.state", Optional.of("logs/iggy-server.log"),
                    Optional.of("streams/stand-in/messages.log")));

    private static final StandInFacts CONNECTORS = new StandInFacts(RuntimeName.CONNECTORS, "iggy-connectors",
            "config.toml", "IGGY_CONNECTORS_", "state", "local_state", "/health",
            List.of(new ListenerSpec("http", Protocol.HTTP, "127.0.0.1:8081", "HTTP API")),
            "Iggy connectors runtime is running.",
            new DataLayout("stand-in.state", Optional.empty(), Optional.empty()));

    public StandInFacts {
        listeners = List.copyOf(listeners);
    }

    /** The facts of {@code runtime}; a runtime added to {@link RuntimeName} fails to compile here until it has some. */
    public static StandInFacts of(RuntimeName runtime) {
        return switch (runtime) {
            case IGGY -> IGGY;
            case CONNECTORS -> CONNECTORS;
        };
    }

    /** Parses the command-line word, the runtime's wire name ({@code iggy} or {@code connectors}). */
    public static StandInFacts fromArgument(String argument) {
        return RuntimeName.fromWireName(argument.toLowerCase(Locale.ROOT)).map(StandInFacts::of)
                .orElseThrow(() -> new IllegalArgumentException("unknown runtime '" + argument + "', expected one of "
                        + RuntimeName.wireNames()));
    }

    /** Environment variable holding the config file path: the runtime's own. */
    public String configPathEnv() {
        return runtime.configPathVariable();
    }

    /**
     * The environment variable overriding {@code [section] key}; nested sections join with
     * underscores too ({@code [http.metrics] enabled} is {@code IGGY_HTTP_METRICS_ENABLED}), as
     * {@code core/server/src/args.rs} documents: "underscores separate the nested keys".
     */
    public String envKey(String section, String key) {
        return (envPrefix + section.replace('.', '_') + "_" + key).toUpperCase(Locale.ROOT);
    }
}
