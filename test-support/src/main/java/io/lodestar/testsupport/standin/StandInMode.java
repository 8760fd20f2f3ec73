package io.lodestar.testsupport.standin;

import io.lodestar.testsupport.standin.config.ListenerSpec;
import io.lodestar.testsupport.standin.config.Protocol;
import java.util.List;
import java.util.Locale;

/**
 * The two runtimes a Warden manages on a node, with the facts of each that the stand-in mimics:
 * where the config comes from, how environment overrides are spelled, where data lives, which
 * ports are bound and which path answers the liveness probe.
 */
public enum StandInMode {
    /** Mimics {@code iggy-server}. */
    IGGY("iggy", "iggy-server", "IGGY_CONFIG_PATH", "configs/server.toml", "IGGY_",
            "system", "local_data", "/ping",
            List.of(
                    new ListenerSpec("tcp", Protocol.TCP, "127.0.0.1:8090", "TCP server"),
                    new ListenerSpec("http", Protocol.HTTP, "127.0.0.1:3000", "HTTP API"),
                    new ListenerSpec("quic", Protocol.UDP, "127.0.0.1:8080", "QUIC server"),
                    new ListenerSpec("websocket", Protocol.TCP, "127.0.0.1:8092", "WebSocket server"))),

    /** Mimics {@code iggy-connectors}. */
    CONNECTORS("connectors", "iggy-connectors", "IGGY_CONNECTORS_CONFIG_PATH", "config.toml",
            "IGGY_CONNECTORS_", "state", "local_state", "/health",
            List.of(new ListenerSpec("http", Protocol.HTTP, "127.0.0.1:8081", "HTTP API")));

    private final String argument;
    private final String binaryName;
    private final String configPathEnv;
    private final String defaultConfigPath;
    private final String envPrefix;
    private final String dataSection;
    private final String defaultDataPath;
    private final String healthPath;
    private final List<ListenerSpec> listeners;

    StandInMode(String argument, String binaryName, String configPathEnv, String defaultConfigPath,
                String envPrefix, String dataSection, String defaultDataPath, String healthPath,
                List<ListenerSpec> listeners) {
        this.argument = argument;
        this.binaryName = binaryName;
        this.configPathEnv = configPathEnv;
        this.defaultConfigPath = defaultConfigPath;
        this.envPrefix = envPrefix;
        this.dataSection = dataSection;
        this.defaultDataPath = defaultDataPath;
        this.healthPath = healthPath;
        this.listeners = listeners;
    }

    /** Parses the command-line word ({@code iggy} or {@code connectors}). */
    public static StandInMode fromArgument(String argument) {
        for (StandInMode mode : values()) {
            if (mode.argument.equals(argument.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown runtime '" + argument + "', expected iggy or connectors");
    }

    /** The command-line word selecting this mode. */
    public String argument() {
        return argument;
    }

    /** Name of the real binary, used in log lines and file names. */
    public String binaryName() {
        return binaryName;
    }

    /** Environment variable holding the config file path. */
    public String configPathEnv() {
        return configPathEnv;
    }

    /** Config file path used when {@link #configPathEnv()} is unset, relative to the working dir. */
    public String defaultConfigPath() {
        return defaultConfigPath;
    }

    /** Prefix of {@code <PREFIX><SECTION>_<KEY>} environment overrides. */
    public String envPrefix() {
        return envPrefix;
    }

    /** TOML section whose {@code path} key names the data directory. */
    public String dataSection() {
        return dataSection;
    }

    /** Data directory used when the config does not name one, relative to the working dir. */
    public String defaultDataPath() {
        return defaultDataPath;
    }

    /** HTTP path of the unauthenticated liveness probe. */
    public String healthPath() {
        return healthPath;
    }

    /** The listeners this runtime binds, in binding order. */
    public List<ListenerSpec> listeners() {
        return listeners;
    }

    /** The environment variable overriding {@code [section] key}. */
    public String envKey(String section, String key) {
        return (envPrefix + section + "_" + key).toUpperCase(Locale.ROOT);
    }
}
