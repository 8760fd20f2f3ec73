package io.lodestar.testsupport.standin.config;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.testsupport.standin.StandInFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a stand-in runtime needs to start, validated: the data directory, the listeners and
 * the knobs. The same loader serves the runtime itself and {@code StandInProcess}, which reads
 * the config its child will see to learn its ports.
 */
public record RuntimeConfig(StandInFacts facts, Path configFile, boolean configFileFound, Path dataDir,
                            List<ListenerConfig> listeners, Knobs knobs) {

    public RuntimeConfig {
        listeners = List.copyOf(listeners);
    }

    /** Reads the config of {@code runtime} as its stand-in started in {@code workingDir} with {@code env} would. */
    public static RuntimeConfig load(RuntimeName runtime, Path workingDir, Map<String, String> env)
            throws InvalidConfigException {
        return from(ConfigSource.read(StandInFacts.of(runtime), workingDir, env));
    }

    static RuntimeConfig from(ConfigSource source) throws InvalidConfigException {
        StandInFacts facts = source.facts();
        String dataPath = source.setting(facts.dataSection(), "path")
                .map(Setting::value).orElse(facts.defaultDataPath());
        if (dataPath.isBlank()) {
            throw new InvalidConfigException("[" + facts.dataSection() + "] path is empty");
        }
        List<ListenerConfig> listeners = new ArrayList<>();
        for (ListenerSpec spec : facts.listeners()) {
            listeners.add(listener(source, spec));
        }
        return new RuntimeConfig(facts, source.configFile(), source.fileFound(),
                source.workingDir().resolve(dataPath).normalize(), listeners, Knobs.from(source));
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

    /** The listener of a section ({@code tcp}, {@code http}, {@code quic}, {@code websocket}). */
    public Optional<ListenerConfig> listener(String section) {
        return listeners.stream().filter(l -> l.section().equals(section)).findFirst();
    }

    /** The HTTP listener, when enabled. */
    public Optional<ListenerConfig> http() {
        return listener("http").filter(ListenerConfig::enabled);
    }
}
