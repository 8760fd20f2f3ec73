package io.lodestar.warden.runtime;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.RuntimeStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The drivers of the runtimes enabled on this node. */
public final class DriverRegistry {

    private final Map<RuntimeName, RuntimeDriver> drivers;

    public DriverRegistry(Map<RuntimeName, RuntimeDriver> drivers) {
        this.drivers = Collections.unmodifiableMap(drivers.isEmpty()
                ? new EnumMap<>(RuntimeName.class) : new EnumMap<>(drivers));
    }

    public Optional<RuntimeDriver> driver(RuntimeName runtime) {
        return Optional.ofNullable(drivers.get(runtime));
    }

    /** The enabled runtimes, in a stable order. */
    public Map<RuntimeName, RuntimeDriver> all() {
        return drivers;
    }

    /** The state of every enabled runtime and whether it answers its health check, for a heartbeat. */
    public List<RuntimeStatus> statuses() {
        List<RuntimeStatus> result = new ArrayList<>();
        drivers.forEach((runtime, driver) -> {
            DriverStatus status = driver.status();
            RuntimeStatus.Builder reported = RuntimeStatus.newBuilder()
                    .setRuntime(runtime.proto())
                    .setRunning(status.running())
                    .setPid(status.pid());
            driver.health().ifPresent(health -> reported
                    .setHealth(health.healthy() ? RuntimeStatus.Health.HEALTH_HEALTHY : RuntimeStatus.Health.HEALTH_UNHEALTHY)
                    .setHealthDetail(health.detail()));
            result.add(reported.build());
        });
        return result;
    }
}
