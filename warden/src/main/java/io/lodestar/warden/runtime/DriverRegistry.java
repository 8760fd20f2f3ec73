package io.lodestar.warden.runtime;

import io.lodestar.protocol.v1.RuntimeStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The drivers of the runtimes enabled on this node. */
public final class DriverRegistry {

    private final Map<RuntimeKind, RuntimeDriver> drivers;

    public DriverRegistry(Map<RuntimeKind, RuntimeDriver> drivers) {
        this.drivers = Collections.unmodifiableMap(drivers.isEmpty()
                ? new EnumMap<>(RuntimeKind.class) : new EnumMap<>(drivers));
    }

    public Optional<RuntimeDriver> driver(RuntimeKind kind) {
        return Optional.ofNullable(drivers.get(kind));
    }

    /** The enabled runtimes, in a stable order. */
    public Map<RuntimeKind, RuntimeDriver> all() {
        return drivers;
    }

    /** The state of every enabled runtime, for a heartbeat. */
    public List<RuntimeStatus> statuses() {
        List<RuntimeStatus> result = new ArrayList<>();
        drivers.forEach((kind, driver) -> {
            DriverStatus status = driver.status();
            result.add(RuntimeStatus.newBuilder()
                    .setRuntime(kind.wire())
                    .setRunning(status.running())
                    .setPid(status.pid())
                    .build());
        });
        return result;
    }
}
