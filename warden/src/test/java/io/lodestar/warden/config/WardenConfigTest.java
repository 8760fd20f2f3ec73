package io.lodestar.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.protocol.RuntimeName;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
    void defaultsMatchAStandardInstall() {
        WardenConfig config = load(Map.of(), Map.of());

        assertThat(config.supervisor().host()).isEqualTo("127.0.0.1");
        assertThat(config.supervisor().port()).isEqualTo(9000);
        assertThat(config.supervisor().tls()).isFalse();
        assertThat(config.identityFile()).isEqualTo(Path.of("/var/lib/lodestar-warden/identity.json"));
        assertThat(config.enrollmentToken()).isEmpty();
        assertThat(config.reconnect().initial()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.reconnect().max()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void eachRuntimeNameFindsItsOwnKeys() {
        WardenConfig.Runtimes runtimes = load(Map.of("warden.runtimes.connectors.unit", "connectors-test.service"),
                Map.of()).runtimes();

        for (RuntimeName runtime : RuntimeName.values()) {
            assertThat(runtimes.of(runtime).pidFile()).as(runtime.wireName())
                    .isEqualTo(Path.of("/var/lib/lodestar-warden/run/" + runtime.wireName() + ".pid"));
        }
        assertThat(runtimes.of(RuntimeName.CONNECTORS).unit()).isEqualTo("connectors-test.service");
    }

    @Test
    void runtimeDefaultsDifferPerRuntime() {
        WardenConfig.Runtimes runtimes = load(Map.of(), Map.of()).runtimes();

        assertThat(runtimes.iggy().enabled()).isTrue();
        assertThat(runtimes.iggy().command()).containsExactly("iggy-server");
        assertThat(runtimes.iggy().workingDir()).isEqualTo(Path.of("/var/lib/iggy"));
        assertThat(runtimes.iggy().healthUrl()).isEqualTo("http://127.0.0.1:3000/ping");
        assertThat(runtimes.iggy().logFile()).isEqualTo(Path.of("/var/lib/lodestar-warden/logs/iggy.log"));
        assertThat(runtimes.iggy().pidFile()).isEqualTo(Path.of("/var/lib/lodestar-warden/run/iggy.pid"));
        assertThat(runtimes.iggy().stopGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(runtimes.iggy().healthTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(runtimes.iggy().configPath()).isEmpty();
        assertThat(runtimes.iggy().environment()).isEmpty();

        assertThat(runtimes.connectors().enabled()).isTrue();
        assertThat(runtimes.connectors().command()).containsExactly("iggy-connectors");
        assertThat(runtimes.connectors().workingDir()).isEqualTo(Path.of("/var/lib/iggy-connectors"));
        assertThat(runtimes.connectors().healthUrl()).isEqualTo("http://127.0.0.1:8081/health");
        assertThat(runtimes.connectors().logFile()).isEqualTo(Path.of("/var/lib/lodestar-warden/logs/connectors.log"));
    }

    @Test
    void everyKeyIsSettableByEnvironmentVariable() {
        WardenConfig config = load(Map.of(), Map.of(
                "WARDEN_STATE_DIR", "/srv/warden",
                "WARDEN_SUPERVISOR_HOST", "supervisor.internal",
                "WARDEN_SUPERVISOR_PORT", "9443",
                "WARDEN_ENROLLMENT_TOKEN", "tok",
                "WARDEN_RECONNECT_MAX", "5s",
                "WARDEN_RUNTIMES_CONNECTORS_ENABLED", "false",
                "WARDEN_RUNTIMES_IGGY_COMMAND", "/opt/iggy/iggy-server,--with-flag",
                "WARDEN_RUNTIMES_IGGY_STOP_GRACE", "45s",
                "WARDEN_RUNTIMES_IGGY_ENV", "IGGY_HTTP_ADDRESS=127.0.0.1:3001,IGGY_TCP_ADDRESS=127.0.0.1:8091"));

        assertThat(config.identityFile()).isEqualTo(Path.of("/srv/warden/identity.json"));
        assertThat(config.runtimes().iggy().logFile()).isEqualTo(Path.of("/srv/warden/logs/iggy.log"));
        assertThat(config.supervisor().host()).isEqualTo("supervisor.internal");
        assertThat(config.supervisor().port()).isEqualTo(9443);
        assertThat(config.enrollmentToken()).contains("tok");
        assertThat(config.reconnect().max()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.runtimes().connectors().enabled()).isFalse();
        assertThat(config.runtimes().iggy().command()).containsExactly("/opt/iggy/iggy-server", "--with-flag");
        assertThat(config.runtimes().iggy().stopGrace()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.runtimes().iggy().env()).isEqualTo(Optional.of(
                java.util.List.of("IGGY_HTTP_ADDRESS=127.0.0.1:3001", "IGGY_TCP_ADDRESS=127.0.0.1:8091")));
    }

    @Test
    void environmentMapKeysKeepTheirCaseInProperties() {
        WardenConfig config = load(Map.of("warden.runtimes.iggy.environment.IGGY_HTTP_ADDRESS", "127.0.0.1:3001"), Map.of());

        assertThat(config.runtimes().iggy().environment()).containsExactly(Map.entry("IGGY_HTTP_ADDRESS", "127.0.0.1:3001"));
    }
}
