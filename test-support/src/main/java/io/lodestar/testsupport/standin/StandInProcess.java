package io.lodestar.testsupport.standin;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.testsupport.net.FreePorts;
import io.lodestar.testsupport.standin.config.Address;
import io.lodestar.testsupport.standin.config.ConfigSource;
import io.lodestar.testsupport.standin.config.InvalidConfigException;
import io.lodestar.testsupport.standin.config.ListenerConfig;
import io.lodestar.testsupport.standin.config.ListenerSpec;
import io.lodestar.testsupport.standin.config.Protocol;
import io.lodestar.testsupport.standin.config.RuntimeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in runtime started as a real child process, for tests in other modules:
 * <pre>{@code
 * try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).start()) {
 *     iggy.awaitHealthy(Duration.ofSeconds(10));
 *     // talk to 127.0.0.1:iggy.httpPort()
 *     assertThat(iggy.stop()).isZero();
 * }
 * }</pre>
 * Listeners whose address neither the environment nor the config file sets get free loopback
 * ports instead of the well-known ones, so stand-ins started side by side do not collide.
 */
public final class StandInProcess implements AutoCloseable {

    /** How long {@link #stop()} waits after SIGTERM before it sends SIGKILL. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    private final StandInFacts facts;
    private final Process process;
    private final Path workingDir;
    private final Path outputFile;
    private final Map<String, String> env;
    private final RuntimeConfig config;
    private final String configError;

    private StandInProcess(StandInFacts facts, Process process, Path workingDir, Path outputFile,
                           Map<String, String> env, RuntimeConfig config, String configError) {
        this.facts = facts;
        this.process = process;
        this.workingDir = workingDir;
        this.outputFile = outputFile;
        this.env = env;
        this.config = config;
        this.configError = configError;
    }

    public static Builder builder(RuntimeName runtime) {
        return new Builder(StandInFacts.of(runtime));
    }

    public static Builder iggy() {
        return builder(RuntimeName.IGGY);
    }

    public static Builder connectors() {
        return builder(RuntimeName.CONNECTORS);
    }

    /** The runtime this stand-in stands in for. */
    public RuntimeName runtime() {
        return facts.runtime();
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path workingDir() {
        return workingDir;
    }

    /** The file receiving the child's stdout and stderr. */
    public Path outputFile() {
        return outputFile;
    }

    /** The {@code IGGY_*}/{@code STANDIN_*} variables given to the child, ports included. */
    public Map<String, String> environment() {
        return env;
    }

    /** The config the child reads (same loader, same environment). */
    public RuntimeConfig config() {
        if (config == null) {
            throw new IllegalStateException("the stand-in's config is invalid: " + configError);
        }
        return config;
    }

    public Path dataDir() {
        return config().dataDir();
    }

    /** The port of a listener section ({@code tcp}, {@code http}, {@code quic}, {@code websocket}). */
    public int port(String section) {
        return address(section).port();
    }

    /** The port of the HTTP API, where the liveness probe answers. */
    public int httpPort() {
        return port("http");
    }

    private Address address(String section) {
        return config().listener(section).filter(ListenerConfig::enabled)
                .orElseThrow(() -> new IllegalStateException(facts.runtime().wireName() + " has no enabled " + section + " listener"))
                .address();
    }

    /** {@code http://host:port/ping} (iggy) or {@code /health} (connectors). */
    public URI healthUri() {
        Address http = address("http");
        return URI.create("http://" + new Address(http.dialHost(), http.port()) + facts.healthPath());
    }

    /** One liveness probe: does the health path answer 200 now? */
    public boolean isHealthy() {
        try {
            HttpURLConnection connection = (HttpURLConnection) healthUri().toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1_000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the health path answers 200; fails at once if the process exits first. */
    public StandInProcess awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(facts.runtime().wireName() + " stand-in exited with code "
                        + process.exitValue() + " before becoming healthy; output:\n" + output());
            }
            if (isHealthy()) {
                return this;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(facts.runtime().wireName() + " stand-in not healthy within " + timeout
                        + "; output:\n" + output());
            }
            sleep(Duration.ofMillis(10));
        }
    }

    /** The exit code once the process has exited within {@code timeout}, else empty. */
    public OptionalInt awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** SIGTERM, then SIGKILL after {@link #DEFAULT_STOP_GRACE}; returns the exit code. */
    public int stop() {
        return stop(DEFAULT_STOP_GRACE);
    }

    /** SIGTERM, then SIGKILL after {@code grace}; returns the exit code (137 when killed). */
    public int stop(Duration grace) {
        process.destroy();
        OptionalInt exit = awaitExit(grace);
        return exit.isPresent() ? exit.getAsInt() : kill();
    }

    /** SIGKILL; returns the exit code. */
    public int kill() {
        process.destroyForcibly();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Everything the child wrote to stdout and stderr so far. */
    public String output() {
        try {
            return Files.readString(outputFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the process if it still runs: test cleanup, not a graceful stop. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stand-in", e);
        }
    }

    /** Configures and starts a stand-in process. */
    public static final class Builder {

        private final StandInFacts facts;
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path workingDir;
        private Path outputFile;
        private List<String> command;
        private boolean freePorts = true;
        private final List<String> arguments = new ArrayList<>();
        private java.util.OptionalInt replicaId = java.util.OptionalInt.empty();

        private Builder(StandInFacts facts) {
            this.facts = facts;
        }

        /** The child's working dir, against which config and data paths resolve; a new temp dir by default. */
        public Builder workingDir(Path workingDir) {
            this.workingDir = workingDir;
            return this;
        }

        /** Sets an environment variable of the child. */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        /** Sets {@code [section] key} through its environment override ({@code IGGY_HTTP_ADDRESS}). */
        public Builder override(String section, String key, String value) {
            return env(facts.envKey(section, key), value);
        }

        /** The config file, through {@code IGGY_CONFIG_PATH} or {@code IGGY_CONNECTORS_CONFIG_PATH}. */
        public Builder configFile(Path file) {
            return env(facts.configPathEnv(), file.toString());
        }

        /** Sets a knob by its TOML name ({@code fail_health}) through {@code STANDIN_<NAME>}. */
        public Builder knob(String name, String value) {
            return env(ConfigSource.KNOB_ENV_PREFIX + name.toUpperCase(java.util.Locale.ROOT), value);
        }

        public Builder startDelay(Duration delay) {
            return knob("start_delay_ms", Long.toString(delay.toMillis()));
        }

        public Builder crashOnStart() {
            return knob("crash_on_start", "1");
        }

        public Builder crashAfter(Duration after) {
            return knob("crash_after_ms", Long.toString(after.toMillis()));
        }

        public Builder failHealth() {
            return knob("fail_health", "1");
        }

        public Builder failHealthAfter(Duration after) {
            return knob("fail_health_after_ms", Long.toString(after.toMillis()));
        }

        public Builder ignoreSigterm() {
            return knob("ignore_sigterm", "1");
        }

        public Builder stopDelay(Duration delay) {
            return knob("stop_delay_ms", Long.toString(delay.toMillis()));
        }

        public Builder rejectConfig() {
            return knob("reject_config", "1");
        }

        /** Appends {@code --replica-id N}, the flag that tells a cluster node which roster entry it is. */
        public Builder replicaId(int id) {
            this.replicaId = java.util.OptionalInt.of(id);
            return argument("--replica-id").argument(Integer.toString(id));
        }

        /** Appends a command-line argument after the runtime word ({@code --with-default-root-credentials}). */
        public Builder argument(String argument) {
            arguments.add(argument);
            return this;
        }

        /** Keeps the built-in default ports (8090, 3000, …) instead of free ones. */
        public Builder wellKnownPorts() {
            this.freePorts = false;
            return this;
        }

        /** Where stdout and stderr go (appended); {@code <workingDir>/standin-<runtime>.out} by default. */
        public Builder output(Path file) {
            this.outputFile = file;
            return this;
        }

        /** Replaces {@link StandInCommand#of(RuntimeName)}, e.g. with {@code bin/standin-runtime iggy}. */
        public Builder command(List<String> command) {
            this.command = List.copyOf(command);
            return this;
        }

        /**
         * Starts the child. Free ports picked here are kept in this builder, so starting it again
         * (a restart) reuses the same ports and working dir.
         */
        public StandInProcess start() {
            try {
                Path dir = workingDir != null ? workingDir : Files.createTempDirectory("standin-" + facts.runtime().wireName());
                Files.createDirectories(dir);
                if (freePorts) {
                    assignFreePorts(dir);
                }
                Path output = outputFile != null ? outputFile : dir.resolve("standin-" + facts.runtime().wireName() + ".out");
                List<String> fullCommand = new ArrayList<>(command != null ? command : StandInCommand.of(facts.runtime()));
                fullCommand.addAll(arguments);
                ProcessBuilder builder = new ProcessBuilder(fullCommand)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
                // hermetic: nothing from the test JVM's own environment reconfigures the child
                builder.environment().keySet().removeIf(k -> k.startsWith("IGGY_") || k.startsWith(ConfigSource.KNOB_ENV_PREFIX));
                builder.environment().putAll(env);
                RuntimeConfig config = null;
                String configError = null;
                try {
                    config = RuntimeConfig.load(facts.runtime(), dir, env, replicaId);
                } catch (InvalidConfigException e) {
                    configError = e.getMessage();
                }
                return new StandInProcess(facts, builder.start(), dir, output, Map.copyOf(env), config, configError);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the " + facts.runtime().wireName() + " stand-in", e);
            }
        }

        private void assignFreePorts(Path dir) {
            Optional<ConfigSource> source;
            try {
                source = Optional.of(ConfigSource.read(facts, dir, env));
            } catch (InvalidConfigException e) {
                source = Optional.empty();  // the child will refuse it; only the environment counts
            }
            for (ListenerSpec spec : facts.listeners()) {
                String key = facts.envKey(spec.section(), "address");
                boolean explicit = env.containsKey(key)
                        || source.flatMap(s -> s.setting(spec.section(), "address")).isPresent();
                if (!explicit) {
                    int port = spec.protocol() == Protocol.UDP ? FreePorts.udp() : FreePorts.tcp();
                    env.put(key, "127.0.0.1:" + port);
                }
            }
        }
    }
}
