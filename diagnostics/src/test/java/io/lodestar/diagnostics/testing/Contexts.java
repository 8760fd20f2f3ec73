package io.lodestar.diagnostics.testing;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.WardenFacts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Contexts over fake hosts with a fixed clock. */
public final class Contexts {

    public static final Instant NOW = Instant.parse("2026-06-01T10:30:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Contexts() {
    }

    public static HostContext.Builder on(FakeHost host, FakeProbe probe) {
        return HostContext.builder().host(host).probe(probe).clock(CLOCK)
                .warden(new WardenFacts("1.2.3", NOW.minusSeconds(3600), null));
    }

    public static HostContext of(FakeHost host) {
        return on(host, new FakeProbe()).build();
    }
}
