package io.lodestar.warden.runtime;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.warden.config.WardenConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the configuration of a runtime into the spec its process driver runs. */
public final class ProcessSpecs {

    private ProcessSpecs() {
    }

    public static ProcessSpec from(RuntimeName runtime, WardenConfig.RuntimeConfig config) {
        Map<String, String> environment = new LinkedHashMap<>(config.environment());
        config.env().ifPresent(entries -> environment.putAll(parseEnv(runtime, entries)));
        config.configPath().ifPresent(path -> environment.put(runtime.configPathVariable(), path.toString()));
        return new ProcessSpec(runtime, config.command(), config.workingDir(), environment,
                healthUrl(runtime, config.healthUrl()), config.logFile(), config.pidFile(),
                config.stopGrace(), config.healthTimeout(),
                config instanceof WardenConfig.Iggy iggy ? Optional.of(new ReplicaFile(iggy.replicaFile())) : Optional.empty());
    }

    static Map<String, String> parseEnv(RuntimeName runtime, List<String> entries) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("warden.runtimes." + runtime.wireName()
                        + ".env: expected NAME=value, got '" + entry + "'");
            }
            result.put(entry.substring(0, eq).trim(), entry.substring(eq + 1));
        }
        return result;
    }

    private static URI healthUrl(RuntimeName runtime, String url) {
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new URISyntaxException(url, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("warden.runtimes." + runtime.wireName() + ".health-url: " + e.getMessage(), e);
        }
    }
}
