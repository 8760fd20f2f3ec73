package io.lodestar.warden.config;

import io.lodestar.protocol.RuntimeName;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the Warden reads from its configuration. Every key can be set as an environment
 * variable (upper case, dots and dashes as underscores: {@code WARDEN_SUPERVISOR_HOST}), which is
 * how the systemd unit sets them.
 */
@ConfigMapping(prefix = "warden")
public interface WardenConfig {

    /** The Warden's own directory: the logs and pid files of the runtimes it runs live below it. */
    @WithDefault("/var/lib/lodestar-warden")
    Path stateDir();

    /**
     * The node's identity, {@code {"node_id": …, "node_secret": "…"}}, written (mode 0600) at
     * enrollment and read at every start.
     */
    @WithDefault("${warden.state-dir}/identity.json")
    Path identityFile();

    /**
     * A one-time enrollment token (from {@code POST /agents/enrollments}). Used only when the
     * identity file does not exist yet: the Warden exchanges it for its identity, then connects.
     */
    Optional<String> enrollmentToken();

    /** Where the Supervisor is. */
    Supervisor supervisor();

    /** How fast the Warden dials again after the link ends. */
    Reconnect reconnect();

    /** The runtimes the Warden runs on this node. */
    Runtimes runtimes();

    /** The systemctl command (comma separated, e.g. {@code sudo,-n,systemctl}) of the {@code systemd} driver. */
    @WithDefault("systemctl")
    List<String> systemctl();

    interface Supervisor {

        /** Host name or address of the Supervisor's gRPC port. */
        @WithDefault("127.0.0.1")
        String host();

        /** The Supervisor's gRPC port. */
        @WithDefault("9000")
        int port();

        /**
         * Several Supervisors sharing one database: the gRPC {@code host:port} of each, comma separated
         * (a host name may resolve to several addresses). The Warden dials them in an order of its own
         * and moves to the next at once when one does not answer. Replaces {@code host} and {@code port}.
         */
        Optional<List<String>> addresses();

        /** Whether the link uses TLS. */
        @WithDefault("false")
        boolean tls();

        /**
         * PEM file of the certificate authority that signed the Supervisor's certificate, when
         * TLS is on. Without it, the JVM's default trust store is used.
         */
        Optional<Path> tlsCaFile();

        /** How long the Warden waits for the Welcome after its Hello before dialing again. */
        @WithDefault("15s")
        Duration welcomeTimeout();

        /** How long an enrollment call may take. */
        @WithDefault("15s")
        Duration enrollTimeout();

        /**
         * Interval of HTTP/2 keepalive pings on the link, which detect a Supervisor that vanished
         * without closing the connection. gRPC servers refuse pings more frequent than they permit
         * (5 minutes unless configured), so lower this only with the Supervisor's consent.
         */
        @WithDefault("5m")
        Duration keepaliveTime();
    }

    interface Reconnect {

        /** The first delay before dialing again; it doubles on every failed attempt (full jitter). */
        @WithDefault("500ms")
        Duration initial();

        /** The largest delay between two attempts. */
        @WithDefault("30s")
        Duration max();
    }

    interface Runtimes {

        /** The Iggy server ({@code iggy-server}). */
        Iggy iggy();

        /** The Iggy connectors runtime ({@code iggy-connectors}). */
        Connectors connectors();

        /** The configuration of {@code runtime}: the one place that maps a runtime to its group of keys. */
        default RuntimeConfig of(RuntimeName runtime) {
            return switch (runtime) {
                case IGGY -> iggy();
                case CONNECTORS -> connectors();
            };
        }
    }

    /** The {@code iggy} runtime: the defaults of {@link RuntimeConfig} for {@code iggy-server}. */
    interface Iggy extends RuntimeConfig {

        @Override
        @WithDefault("true")
        boolean enabled();

        @Override
        @WithDefault("iggy-server")
        List<String> command();

        @Override
        @WithDefault("/var/lib/iggy")
        Path workingDir();

        @Override
        @WithDefault("http://127.0.0.1:3000/ping")
        String healthUrl();

        @Override
        @WithDefault("${warden.state-dir}/logs/iggy.log")
        Path logFile();

        @Override
        @WithDefault("${warden.state-dir}/run/iggy.pid")
        Path pidFile();

        @Override
        @WithDefault("iggy-server.service")
        String unit();

        /**
         * A file holding a personal access token of the Iggy server (one line, mode 0600, like the
         * identity file), sent as {@code Authorization: Bearer} to read the server's own view:
         * {@code /stats}, {@code /metrics}, {@code /cluster/metadata} and {@code POST /snapshot}.
         * Unset: the Warden reports what it could not see. The token is never logged.
         */
        Optional<Path> tokenFile();

        /**
         * Where the Warden keeps this node's Iggy cluster replica id, as {@code IGGY_REPLICA_ARGS="--replica-id N"}:
         * the process driver adds those words to the command line; a systemd unit reads the file with
         * {@code EnvironmentFile=-<file>} and passes {@code $IGGY_REPLICA_ARGS} on its {@code ExecStart}. Written
         * before every start, restart and reconfigure the Supervisor sends; absent outside a cluster.
         */
        @WithDefault("${warden.state-dir}/run/iggy-replica.env")
        Path replicaFile();
    }

    /** The {@code connectors} runtime: the defaults of {@link RuntimeConfig} for {@code iggy-connectors}. */
    interface Connectors extends RuntimeConfig {

        @Override
        @WithDefault("true")
        boolean enabled();

        @Override
        @WithDefault("iggy-connectors")
        List<String> command();

        @Override
        @WithDefault("/var/lib/iggy-connectors")
        Path workingDir();

        @Override
        @WithDefault("http://127.0.0.1:8081/health")
        String healthUrl();

        @Override
        @WithDefault("${warden.state-dir}/logs/connectors.log")
        Path logFile();

        @Override
        @WithDefault("${warden.state-dir}/run/connectors.pid")
        Path pidFile();

        @Override
        @WithDefault("iggy-connectors.service")
        String unit();

        /**
         * A file holding the connectors runtime's {@code [http] api_key} (mode 0600), sent as the
         * {@code api-key} header to read {@code /stats}, {@code /sinks} and {@code /sources}. Unset: the
         * requests go without it, which works when the runtime's {@code api_key} is empty.
         */
        Optional<Path> apiKeyFile();
    }

    /** How the Warden runs one runtime as a child process. */
    interface RuntimeConfig {

        /** Whether the Warden manages this runtime; a task for a disabled runtime fails. */
        boolean enabled();

        /** The command line (comma separated): the binary, found on PATH, then its arguments. */
        List<String> command();

        /** The working directory; the runtime's relative data path is below it. */
        Path workingDir();

        /**
         * The runtime's TOML config file, passed as {@code IGGY_CONFIG_PATH} (iggy) or
         * {@code IGGY_CONNECTORS_CONFIG_PATH} (connectors). Unset: the runtime's built-in defaults.
         */
        Optional<Path> configPath();

        /**
         * Extra environment variables for the runtime, e.g.
         * {@code warden.runtimes.iggy.environment.IGGY_HTTP_ADDRESS=127.0.0.1:3001}. As an
         * environment variable of the Warden, one list {@code NAME=value,NAME=value} in
         * {@code WARDEN_RUNTIMES_IGGY_ENV}.
         */
        Map<String, String> environment();

        /**
         * Extra environment variables as {@code NAME=value} entries, comma separated: the form
         * that fits in one environment variable of the Warden. Applied after {@code environment}.
         */
        Optional<List<String>> env();

        /** The liveness URL: the runtime is healthy when a GET of it answers 2xx. */
        String healthUrl();

        /** Where the runtime's stdout and stderr are appended. */
        Path logFile();

        /** Where the pid and start time of the running process are kept. */
        Path pidFile();

        /**
         * How long a stop waits after SIGTERM before SIGKILL. Iggy drains on SIGTERM for up to
         * {@code system.sharding.shutdown_join_timeout} and ignores a second signal, so keep this
         * above that bound.
         */
        @WithDefault("10s")
        Duration stopGrace();

        /** How long a start waits for the health check to pass before it gives up. */
        @WithDefault("30s")
        Duration healthTimeout();

        /** {@code process}: the Warden runs the command as its child; {@code systemd}: it drives {@link #unit()}. */
        @WithDefault("process")
        String driver();

        /** The systemd unit of the runtime, for {@code driver=systemd}. */
        String unit();

        /** The process driver rotates the log file above this size ({@code 50M}, {@code 1G}, bytes); 0 never. */
        @WithDefault("50M")
        String logMaxSize();

        /** How many rotated log files ({@code iggy.log.1} …) are kept. */
        @WithDefault("5")
        int logKeep();
    }
}
