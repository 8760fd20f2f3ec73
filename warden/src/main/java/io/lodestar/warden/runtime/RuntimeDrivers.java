package io.lodestar.warden.runtime;

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
        Map<RuntimeKind, RuntimeDriver> drivers = new EnumMap<>(RuntimeKind.class);
        add(drivers, RuntimeKind.IGGY, config.runtimes().iggy(), config, probe, clock, exits);
        add(drivers, RuntimeKind.CONNECTORS, config.runtimes().connectors(), config, probe, clock, exits);
        return new DriverRegistry(drivers);
    }

    private static void add(Map<RuntimeKind, RuntimeDriver> drivers, RuntimeKind kind, WardenConfig.RuntimeConfig runtime,
            WardenConfig config, HealthProbe probe, Clock clock, RuntimeExitListener exits) {
        if (!runtime.enabled()) {
            return;
        }
        ProcessSpec spec = ProcessSpecs.from(kind, runtime);
        RuntimeDriver driver = switch (runtime.driver()) {
            case "process" -> new ProcessDriver(spec, probe, clock,
                    new LogRotation(LogRotation.parseSize(kind, runtime.logMaxSize()), runtime.logKeep()), exits);
            case "systemd" -> new SystemdDriver(kind.label(), config.systemctl(), runtime.unit(), spec.healthUrl(), probe,
                    runtime.healthTimeout(), runtime.stopGrace().plus(runtime.healthTimeout()).plus(SYSTEMCTL_SLACK), clock);
            default -> throw new IllegalArgumentException("warden.runtimes." + kind.label() + ".driver: expected process or systemd, got '"
                    + runtime.driver() + "'");
        };
        drivers.put(kind, driver);
    }
}
