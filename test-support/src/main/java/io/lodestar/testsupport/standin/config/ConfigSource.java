package io.lodestar.testsupport.standin.config;

import io.lodestar.testsupport.standin.StandInFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The raw settings of one runtime: its TOML file, if present, overlaid by environment variables.
 * {@code IGGY_<SECTION>_<KEY>} (or {@code IGGY_CONNECTORS_...}) beats {@code [section] key};
 * stand-in knobs read {@code STANDIN_<KEY>} before {@code [standin] key}.
 */
public final class ConfigSource {

    /** The TOML section holding stand-in knobs. */
    public static final String KNOB_SECTION = "standin";
    /** Prefix of knob environment variables. */
    public static final String KNOB_ENV_PREFIX = "STANDIN_";

    private final StandInFacts facts;
    private final Path workingDir;
    private final Path configFile;
    private final boolean fileFound;
    private final Map<String, Map<String, String>> file;
    private final Map<String, List<Map<String, String>>> tableArrays;
    private final Map<String, String> env;

    private ConfigSource(StandInFacts facts, Path workingDir, Path configFile, boolean fileFound,
                         TomlFile.Contents contents, Map<String, String> env) {
        this.facts = facts;
        this.workingDir = workingDir;
        this.configFile = configFile;
        this.fileFound = fileFound;
        this.file = contents.sections();
        this.tableArrays = contents.tableArrays();
        this.env = env;
    }

    /**
     * Locates and reads the config file of {@code facts}: the path in its config env variable, else
     * the default, relative to {@code workingDir}. An absent file means built-in defaults.
     */
    public static ConfigSource read(StandInFacts facts, Path workingDir, Map<String, String> env)
            throws InvalidConfigException {
        String configured = env.get(facts.configPathEnv());
        String relative = configured == null || configured.isBlank() ? facts.defaultConfigPath() : configured;
        Path configFile = workingDir.resolve(relative).normalize();
        if (!Files.exists(configFile)) {
            return new ConfigSource(facts, workingDir, configFile, false, TomlFile.Contents.EMPTY, Map.copyOf(env));
        }
        if (!Files.isRegularFile(configFile) || !Files.isReadable(configFile)) {
            throw new InvalidConfigException("config file " + configFile + " is not a readable file");
        }
        return new ConfigSource(facts, workingDir, configFile, true, TomlFile.read(configFile), Map.copyOf(env));
    }

    /** {@code [section] key}, from the environment first, then the file. */
    public Optional<Setting> setting(String section, String key) {
        return lookup(facts.envKey(section, key), section, key);
    }

    /** An array of tables such as {@code [[cluster.nodes]]}, from the file only; empty when absent. */
    public List<Map<String, String>> tableArray(String name) {
        return tableArrays.getOrDefault(name, List.of());
    }

    /** A stand-in knob: {@code STANDIN_<KEY>} first, then {@code [standin] key}. */
    public Optional<Setting> knob(String key) {
        return lookup((KNOB_ENV_PREFIX + key).toUpperCase(Locale.ROOT), KNOB_SECTION, key);
    }

    private Optional<Setting> lookup(String envKey, String section, String key) {
        String fromEnv = env.get(envKey);
        if (fromEnv != null) {
            return Optional.of(new Setting(fromEnv, envKey));
        }
        String fromFile = file.getOrDefault(section, Map.of()).get(key);
        if (fromFile != null) {
            return Optional.of(new Setting(fromFile, configFile.getFileName() + " [" + section + "] " + key));
        }
        return Optional.empty();
    }

    public StandInFacts facts() {
        return facts;
    }

    public Path workingDir() {
        return workingDir;
    }

    /** The config file looked for, whether or not it exists. */
    public Path configFile() {
        return configFile;
    }

    /** Whether the config file existed; when it did not, built-in defaults apply. */
    public boolean fileFound() {
        return fileFound;
    }
}
