package io.lodestar.testsupport.standin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestar.protocol.RuntimeName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeConfigTest {

    @TempDir
    Path dir;

    @Test
    void absentFileMeansBuiltInDefaults() throws Exception {
        RuntimeConfig config = RuntimeConfig.load(RuntimeName.IGGY, dir, Map.of());

        assertThat(config.configFileFound()).isFalse();
        assertThat(config.configFile()).isEqualTo(dir.resolve("configs/server.toml"));
        assertThat(config.dataDir()).isEqualTo(dir.resolve("local_data"));
        assertThat(config.listeners()).extracting(l -> l.section() + "=" + l.address() + ":" + l.enabled())
                .containsExactly("tcp=127.0.0.1:8090:true", "http=127.0.0.1:3000:true",
                        "quic=127.0.0.1:8080:true", "websocket=127.0.0.1:8092:true");
        assertThat(config.knobs()).isEqualTo(new Knobs(Duration.ZERO, false, Duration.ZERO, false, false,
                Duration.ofMillis(100), false, Duration.ZERO));
    }

    @Test
    void connectorsDefaults() throws Exception {
        RuntimeConfig config = RuntimeConfig.load(RuntimeName.CONNECTORS, dir, Map.of());

        assertThat(config.configFile()).isEqualTo(dir.resolve("config.toml"));
        assertThat(config.dataDir()).isEqualTo(dir.resolve("local_state"));
        assertThat(config.http()).get().extracting(l -> l.address().toString()).isEqualTo("127.0.0.1:8081");
    }

    @Test
    void fileValuesApplyAndTheEnvironmentBeatsThem() throws Exception {
        Files.writeString(dir.resolve("server.toml"), """
                [system]
                path = "data"

                [http]
                enabled = true
                address = "0.0.0.0:4000"

                [quic]
                enabled = false
                address = "127.0.0.1:4001"

                [system.sharding]
                shutdown_join_timeout = "10 s"
                """);

        RuntimeConfig config = RuntimeConfig.load(RuntimeName.IGGY, dir, Map.of(
                "IGGY_CONFIG_PATH", "server.toml",
                "IGGY_HTTP_ADDRESS", "127.0.0.1:5000",
                "IGGY_QUIC_ENABLED", "true"));

        assertThat(config.configFileFound()).isTrue();
        assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(config.http()).get().extracting(ListenerConfig::address).isEqualTo(new Address("127.0.0.1", 5000));
        assertThat(config.listener("quic")).get().extracting(ListenerConfig::enabled).isEqualTo(true);
        assertThat(config.listener("quic")).get().extracting(l -> l.address().port()).isEqualTo(4001);
    }

    @Test
    void knobsFromTheEnvironmentBeatTheFile() throws Exception {
        Files.writeString(dir.resolve("config.toml"), """
                [standin]
                fail_health = true
                start_delay_ms = 250
                stop_delay_ms = 10
                """);

        Knobs knobs = RuntimeConfig.load(RuntimeName.CONNECTORS, dir,
                Map.of("STANDIN_FAIL_HEALTH", "0", "STANDIN_CRASH_AFTER_MS", "900")).knobs();

        assertThat(knobs.failHealth()).isFalse();
        assertThat(knobs.startDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(knobs.stopDelay()).isEqualTo(Duration.ofMillis(10));
        assertThat(knobs.crashAfter()).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aBooleanThatIsNotOneIsRejectedNamingItsSource() {
        assertThatThrownBy(() -> RuntimeConfig.load(RuntimeName.IGGY, dir, Map.of("IGGY_TCP_ENABLED", "maybe")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'maybe' from IGGY_TCP_ENABLED is not a boolean");
    }

    @Test
    void aNegativeDelayIsRejected() {
        assertThatThrownBy(() -> RuntimeConfig.load(RuntimeName.IGGY, dir, Map.of("STANDIN_STOP_DELAY_MS", "-5")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("STANDIN_STOP_DELAY_MS");
    }

    @Test
    void anAddressInTheFileThatDoesNotParseIsRejectedNamingTheFile() throws Exception {
        Files.createDirectories(dir.resolve("configs"));
        Files.writeString(dir.resolve("configs/server.toml"), "[tcp]\naddress = \"127.0.0.1:99999\"\n");

        assertThatThrownBy(() -> RuntimeConfig.load(RuntimeName.IGGY, dir, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("server.toml [tcp] address")
                .hasMessageContaining("out of range");
    }

    @Test
    void unparsableTomlIsRejectedNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("config.toml"), "[http\n");

        assertThatThrownBy(() -> RuntimeConfig.load(RuntimeName.CONNECTORS, dir, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("cannot parse " + dir.resolve("config.toml"));
    }
}
