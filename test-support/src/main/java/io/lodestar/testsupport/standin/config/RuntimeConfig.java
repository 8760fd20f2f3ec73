package io.lodestar.testsupport.standin.config;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.testsupport.standin.StandInFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a stand-in runtime needs to start, validated: the data directory, the listeners, the
 * cluster roster, the HTTP API's protected parts and the knobs. The same loader serves the runtime
 * itself and {@code StandInProcess}, which reads the config its child will see to learn its ports.
 *
 * @param cluster the server's {@code [cluster]} section (never enabled for the connectors runtime)
 * @param metricsEndpoint the server's scrape path when {@code [http.metrics] enabled} (default
 *        true, endpoint {@code /metrics}: {@code core/server/config.toml}); empty when disabled,
 *        and the route answers 404 ({@code validated_endpoint}, {@code core/server/src/http/metrics.rs})
 * @param apiKey the connectors runtime's {@code [http] api_key}; empty means its API is open
 *        ({@code core/connectors/runtime/src/api/auth.rs:41})
 * @param connectorsDir the connectors runtime's {@code [connectors] config_dir} with one TOML per connector
 * @param figures what the server reports holding (stand-in knobs)
 */
public record RuntimeConfig(StandInFacts facts, Path configFile, boolean configFileFound, Path dataDir,
                            List<ListenerConfig> listeners, Knobs knobs, ClusterConfig cluster,
                            Optional<String> metricsEndpoint, String apiKey, Optional<Path> connectorsDir,
                            ServerFigures figures) {

    public RuntimeConfig {
        listeners = List.copyOf(listeners);
    }

    /** Reads the config of {@code runtime} as its stand-in started in {@code workingDir} with {@code env} would. */
    public static RuntimeConfig load(RuntimeName runtime, Path workingDir, Map<String, String> env)
            throws InvalidConfigException {
        return load(runtime, workingDir, env, OptionalInt.empty());
    }

    /** As {@link #load(RuntimeName, Path, Map)}, for a server started with {@code --replica-id}. */
    public static RuntimeConfig load(RuntimeName runtime, Path workingDir, Map<String, String> env,
                                     OptionalInt replicaId) throws InvalidConfigException {
        return from(ConfigSource.read(StandInFacts.of(runtime), workingDir, env), replicaId);
    }

    static RuntimeConfig from(ConfigSource source) throws InvalidConfigException {
        return from(source, OptionalInt.empty());
    }

    static RuntimeConfig from(ConfigSource source, OptionalInt replicaId) throws InvalidConfigException {
        StandInFacts facts = source.facts();
        String dataPath = source.setting(facts.dataSection(), "path")
                .map(Setting::value).orElse(facts.defaultDataPath());
        if (dataPath.isBlank()) {
            throw new InvalidConfigException("[" + facts.dataSection() + "] path is empty");
        }
        boolean server = facts.runtime() == RuntimeName.IGGY;
        ClusterConfig cluster = server ? ClusterConfig.from(source, replicaId)
                : new ClusterConfig(false, ClusterConfig.DEFAULT_NAME, List.of(), Optional.empty());
        List<ListenerConfig> listeners = new ArrayList<>();
        for (ListenerSpec spec : facts.listeners()) {
            listeners.add(inCluster(listener(source, spec), cluster));
        }
        if (cluster.enabled()) {
            replicaListener(cluster).ifPresent(listeners::add);
        }
        Optional<String> metrics = Optional.empty();
        if (server) {
            Optional<Setting> enabled = source.setting("http.metrics", "enabled");
            if (enabled.isEmpty() || enabled.get().asBoolean()) {
                metrics = Optional.of(source.setting("http.metrics", "endpoint").map(Setting::value).orElse("/metrics"));
            }
        }
        String apiKey = server ? "" : source.setting("http", "api_key").map(Setting::value).orElse("");
        Optional<Path> connectorsDir = server ? Optional.empty()
                : source.setting("connectors", "config_dir").map(Setting::value).filter(v -> !v.isBlank())
                        .map(v -> source.workingDir().resolve(v).normalize());
        return new RuntimeConfig(facts, source.configFile(), source.fileFound(),
                source.workingDir().resolve(dataPath).normalize(), listeners, Knobs.from(source), cluster,
                metrics, apiKey, connectorsDir, ServerFigures.from(source));
    }

    /**
     * In cluster mode the listener ports come only from this node's roster entry
     * ({@code resolve_cluster_client_addrs}, bootstrap.rs:2826); the bind host stays the section's.
     */
    private static ListenerConfig inCluster(ListenerConfig listener, ClusterConfig cluster) {
        if (cluster.self().isEmpty()) {
            return listener;
        }
        return cluster.self().get().port(listener.section())
                .map(port -> new ListenerConfig(listener.spec(), listener.enabled(),
                        new Address(listener.address().host(), port)))
                .orElse(listener);
    }

    /** The replica-to-replica TCP listener of {@code ports.tcp_replica}, cluster mode only. */
    private static Optional<ListenerConfig> replicaListener(ClusterConfig cluster) {
        ClusterConfig.Node self = cluster.self().orElseThrow();
        return self.port("tcp_replica").map(port -> new ListenerConfig(
                new ListenerSpec("tcp_replica", Protocol.TCP, self.ip() + ":" + port, "Replica TCP server"),
                true, new Address(self.ip(), port)));
    }

    private static ListenerConfig listener(ConfigSource source, ListenerSpec spec) throws InvalidConfigException {
        Optional<Setting> enabled = source.setting(spec.section(), "enabled");
        Setting address = source.setting(spec.section(), "address")
                .orElse(new Setting(spec.defaultAddress(), "the built-in default"));
        try {
            return new ListenerConfig(spec, enabled.isEmpty() || enabled.get().asBoolean(),
                    Address.parse(address.value()));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("invalid [" + spec.section() + "] address '" + address.value()
                    + "' from " + address.origin() + ": " + e.getMessage());
        }
    }

    /** The listener of a section ({@code tcp}, {@code http}, {@code quic}, {@code websocket}, {@code tcp_replica}). */
    public Optional<ListenerConfig> listener(String section) {
        return listeners.stream().filter(l -> l.section().equals(section)).findFirst();
    }

    /** The HTTP listener, when enabled. */
    public Optional<ListenerConfig> http() {
        return listener("http").filter(ListenerConfig::enabled);
    }
}
