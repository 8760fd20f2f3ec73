package io.lodestar.supervisor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A clock the test moves forward, in place of the system clock (enabled by {@link Profile}), so expiry and
 * retention are tested without waiting days. It runs with real time too, offset by what the test added.
 */
@Alternative
@Singleton
public class ControlledClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Runs the application with this clock; the retention job sweeps often so the test sees it act. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public java.util.Set<Class<?>> getEnabledAlternatives() {
            return java.util.Set.of(ControlledClock.class);
        }

        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("supervisor.snapshots.retention-sweep-interval", "200ms");
        }
    }
}
