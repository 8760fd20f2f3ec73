package io.lodestar.warden.runtime;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.warden.config.WardenConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Builds the driver of every enabled runtime from the configuration ({@code warden.runtimes.<r>.driver}). */
public final class RuntimeDrivers {

    /** Room for systemd's own stop timeout (90 s by default) on top of ours. */
    private static final Duration SYSTEMCTL_SLACK = Duration.ofSeconds(90);

    private RuntimeDrivers() {
    }

    public static DriverRegistry from(WardenConfig config, HealthProbe probe, Clock clock, RuntimeExitListener exits) {
        Map<RuntimeName, RuntimeDriver> drivers = new EnumMap<>(RuntimeName.class);
        for (RuntimeName runtime : RuntimeName.values()) {
            add(drivers, runtime, config.runtimes().of(runtime), config, probe, clock, exits);
        }
        return new DriverRegistry(drivers);
    }

    private static void add(Map<RuntimeName, RuntimeDriver> drivers, RuntimeName runtime, WardenConfig.RuntimeConfig settings,
            WardenConfig config, HealthProbe probe, Clock clock, RuntimeExitListener exits) {
        if (!settings.enabled()) {
            return;
        }
        ProcessSpec spec = ProcessSpecs.from(runtime, settings);
        RuntimeDriver driver = switch (settings.driver()) {
            case "process" -> new ProcessDriver(spec, probe, clock,
                    new LogRotation(LogRotation.parseSize(runtime, settings.logMaxSize()), settings.logKeep()), exits);
            case "systemd" -> new SystemdDriver(runtime.wireName(), config.systemctl(), settings.unit(), spec.healthUrl(), probe,
                    settings.healthTimeout(), settings.stopGrace().plus(settings.healthTimeout()).plus(SYSTEMCTL_SLACK), clock);
            default -> throw new IllegalArgumentException("warden.runtimes." + runtime.wireName() + ".driver: expected process or systemd, got '"
                    + settings.driver() + "'");
        };
        drivers.put(runtime, driver);
    }
}
