package io.lodestar.warden;

import io.grpc.ManagedChannel;
import io.lodestar.warden.config.PropertiesFile;
import io.lodestar.warden.config.WardenConfig;
import io.lodestar.warden.identity.Enrollment;
import io.lodestar.warden.identity.IdentityException;
import io.lodestar.warden.identity.IdentityFile;
import io.lodestar.warden.identity.NodeIdentity;
import io.lodestar.warden.identity.SupervisorAddress;
import io.lodestar.warden.link.Channels;
import io.lodestar.warden.link.HostFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code warden enroll --supervisor ADDRESS --token TOKEN [--config FILE]}: exchanges a one-time
 * enrollment token for the node's identity (stored 0600 where the Warden will look for it) and
 * writes the Supervisor's address into the Warden's configuration file, so that {@code warden run}
 * with that file connects. A node that already has an identity is not enrolled again.
 */
@ApplicationScoped
public class EnrollCommand {

    /** Where the packaged Warden keeps its configuration (the systemd unit points the Warden there). */
    public static final Path DEFAULT_CONFIG = Path.of("/etc/lodestar-warden/warden.properties");

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_LINE = "usage: warden enroll --supervisor HOST:PORT --token TOKEN [--config FILE]";

    @Inject
    WardenConfig config;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        SupervisorAddress address;
        try {
            options = options(args);
            address = SupervisorAddress.parse(required(options, "--supervisor"));
            required(options, "--token");
        } catch (IllegalArgumentException e) {
            err.println("warden enroll: " + e.getMessage());
            err.println(USAGE_LINE);
            return USAGE;
        }
        PropertiesFile file = new PropertiesFile(Path.of(options.getOrDefault("--config", DEFAULT_CONFIG.toString())));
        try {
            IdentityFile identity = new IdentityFile(identityPath(file));
            if (identity.exists()) {
                err.println("warden enroll: this node is already enrolled (identity in " + identity.path()
                        + "); to enroll it again, stop the Warden and remove that file first");
                return FAILED;
            }
            Optional<Path> caFile = file.get("warden.supervisor.tls-ca-file").map(Path::of).or(() -> config.supervisor().tlsCaFile());
            WardenConfig.Supervisor target = new Target(config.supervisor(), address, caFile);
            ManagedChannel channel = Channels.build(target, version);
            NodeIdentity enrolled;
            try {
                enrolled = new Enrollment(channel, address.toString(), config.supervisor().enrollTimeout())
                        .enroll(options.get("--token"), HostFactsReader.read(), version);
            } finally {
                Channels.close(channel, Duration.ofSeconds(2));
            }
            identity.write(enrolled);
            Map<String, String> entries = new LinkedHashMap<>();
            entries.put("warden.supervisor.host", address.host());
            entries.put("warden.supervisor.port", String.valueOf(address.port()));
            entries.put("warden.supervisor.tls", String.valueOf(address.tls()));
            file.update(entries);
            out.println("enrolled as node " + enrolled.nodeId() + "; identity in " + identity.path()
                    + " (mode 0600); Supervisor " + address + (address.tls() ? " (TLS)" : "") + " written to " + file.path());
            return OK;
        } catch (IdentityException | IllegalArgumentException e) {
            err.println("warden enroll: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("warden enroll: cannot read or write the configuration file " + file.path() + ": " + e);
            return FAILED;
        }
    }

    /** The identity file the Warden will read with this configuration file. */
    private Path identityPath(PropertiesFile file) throws IOException {
        Optional<Path> explicit = file.get("warden.identity-file").map(Path::of);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        return file.get("warden.state-dir").map(dir -> Path.of(dir).resolve("identity.json")).orElse(config.identityFile());
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!List.of("--supervisor", "--token", "--config").contains(name)) {
                throw new IllegalArgumentException("unknown option `" + arg + "`");
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name, value);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** The configured link settings with the address given on the command line. */
    private record Target(WardenConfig.Supervisor base, SupervisorAddress address, Optional<Path> caFile)
            implements WardenConfig.Supervisor {

        @Override
        public String host() {
            return address.host();
        }

        @Override
        public int port() {
            return address.port();
        }

        @Override
        public boolean tls() {
            return address.tls();
        }

        @Override
        public Optional<java.util.List<String>> addresses() {
            return Optional.empty(); // enrollment dials the one address given; add others to the config file after
        }

        @Override
        public Optional<Path> tlsCaFile() {
            return caFile;
        }

        @Override
        public Duration welcomeTimeout() {
            return base.welcomeTimeout();
        }

        @Override
        public Duration enrollTimeout() {
            return base.enrollTimeout();
        }

        @Override
        public Duration keepaliveTime() {
            return base.keepaliveTime();
        }
    }
}
