package io.lodestar.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WardenConfigTest {

    private static WardenConfig load(Map<String, String> properties, Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(WardenConfig.class)
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .withSources(new EnvConfigSource(env, 400))
                .build();
        return config.getConfigMapping(WardenConfig.class);
    }

    @Test
    void defaultsDifferPerRuntime() {
        WardenConfig config = load(Map.of(), Map.of());
        assertThat(config.runtimes().iggy().command()).containsExactly("iggy-server");
        assertThat(config.runtimes().connectors().command()).containsExactly("iggy-connectors");
        assertThat(config.runtimes().iggy().healthUrl()).isEqualTo("http://127.0.0.1:3000/ping");
        assertThat(config.runtimes().iggy().logFile()).isEqualTo(Path.of("/var/lib/lodestar-warden/logs/iggy.log"));
        assertThat(config.runtimes().iggy().stopGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.runtimes().iggy().environment()).isEmpty();
    }

    @Test
    void environmentVariablesSetMapKeys() {
        WardenConfig config = load(Map.of("warden.runtimes.iggy.environment.IGGY_TCP_ADDRESS", "127.0.0.1:1"),
                Map.of("WARDEN_RUNTIMES_IGGY_ENVIRONMENT_IGGY_HTTP_ADDRESS", "127.0.0.1:3001",
                        "WARDEN_STATE_DIR", "/tmp/w"));
        System.out.println("ENV MAP: " + config.runtimes().iggy().environment());
        assertThat(config.runtimes().iggy().logFile()).isEqualTo(Path.of("/tmp/w/logs/iggy.log"));
    }
}
