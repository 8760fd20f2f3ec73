package io.lodestar.warden.runtime;

import io.lodestar.warden.config.WardenConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the configuration of a runtime into the spec its process driver runs. */
public final class ProcessSpecs {

    private ProcessSpecs() {
    }

    public static ProcessSpec from(RuntimeKind kind, WardenConfig.RuntimeConfig config) {
        Map<String, String> environment = new LinkedHashMap<>(config.environment());
        config.env().ifPresent(entries -> environment.putAll(parseEnv(kind, entries)));
        config.configPath().ifPresent(path -> environment.put(kind.configPathVariable(), path.toString()));
        return new ProcessSpec(kind.label(), config.command(), config.workingDir(), environment,
                healthUrl(kind, config.healthUrl()), config.logFile(), config.pidFile(),
                config.stopGrace(), config.healthTimeout());
    }

    static Map<String, String> parseEnv(RuntimeKind kind, List<String> entries) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("warden.runtimes." + kind.label()
                        + ".env: expected NAME=value, got '" + entry + "'");
            }
            result.put(entry.substring(0, eq).trim(), entry.substring(eq + 1));
        }
        return result;
    }

    private static URI healthUrl(RuntimeKind kind, String url) {
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new URISyntaxException(url, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("warden.runtimes." + kind.label() + ".health-url: " + e.getMessage(), e);
        }
    }
}
