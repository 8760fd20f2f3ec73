package io.lodestar.testsupport.standin.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Test behaviours of the stand-in, from {@code STANDIN_*} environment variables or the
 * {@code [standin]} TOML section (the environment wins).
 *
 * @param startDelay    sleep before binding ports ({@code start_delay_ms})
 * @param crashOnStart  log an error and exit 1 right after start ({@code crash_on_start})
 * @param crashAfter    exit 1 after running this long; zero means never ({@code crash_after_ms})
 * @param failHealth    the liveness endpoint answers 503 ({@code fail_health})
 * @param ignoreSigterm SIGTERM and SIGINT are ignored; only SIGKILL stops it ({@code ignore_sigterm})
 * @param stopDelay     drain time between the first SIGTERM and exit 0 ({@code stop_delay_ms})
 * @param rejectConfig  refuse the config: exit 1 with "invalid configuration" ({@code reject_config})
 * @param failHealthAfter the liveness endpoint answers 503 once its listeners have been up this long, though the
 *                      process keeps running; zero means never ({@code fail_health_after_ms}): a runtime that
 *                      starts healthy and then sickens
 */
public record Knobs(Duration startDelay, boolean crashOnStart, Duration crashAfter, boolean failHealth,
                    boolean ignoreSigterm, Duration stopDelay, boolean rejectConfig, Duration failHealthAfter) {

    public static final Duration DEFAULT_STOP_DELAY = Duration.ofMillis(100);

    public Knobs {
        if (startDelay.isNegative() || crashAfter.isNegative() || stopDelay.isNegative() || failHealthAfter.isNegative()) {
            throw new IllegalArgumentException("knob durations must not be negative");
        }
    }

    static Knobs from(ConfigSource source) throws InvalidConfigException {
        return new Knobs(
                millis(source.knob("start_delay_ms"), Duration.ZERO),
                flag(source.knob("crash_on_start")),
                millis(source.knob("crash_after_ms"), Duration.ZERO),
                flag(source.knob("fail_health")),
                flag(source.knob("ignore_sigterm")),
                millis(source.knob("stop_delay_ms"), DEFAULT_STOP_DELAY),
                flag(source.knob("reject_config")),
                millis(source.knob("fail_health_after_ms"), Duration.ZERO));
    }

    private static boolean flag(Optional<Setting> setting) throws InvalidConfigException {
        return setting.isPresent() && setting.get().asBoolean();
    }

    private static Duration millis(Optional<Setting> setting, Duration fallback) throws InvalidConfigException {
        return setting.isPresent() ? Duration.ofMillis(setting.get().asNonNegativeLong()) : fallback;
    }
}
