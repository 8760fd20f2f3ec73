package io.lodestar.supervisor.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The event log and its streams ({@code SUPERVISOR_EVENTS_RETENTION} …); see docs/api/events.md. */
@ConfigMapping(prefix = "supervisor.events")
public interface EventsConfig {

    /** How long events are kept; a stream resumed from an older id gets an {@code events_lost} event first. */
    @WithDefault("168h")
    Duration retention();

    /** How often committed events get their stream position (the latency an event adds before it is streamed). */
    @WithDefault("200ms")
    Duration sequenceInterval();

    /** How often open streams look for new events. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** A comment line is sent on a stream idle this long, so proxies keep it open. */
    @WithDefault("15s")
    Duration keepAlive();

    /** The most events one stream holds in memory at once (its buffer), read from the database in one go. */
    @WithDefault("100")
    int clientBuffer();

    /** A client that has not taken its buffered events within this time is cut off (it resumes with Last-Event-ID). */
    @WithDefault("30s")
    Duration slowClientTimeout();

    /** How many event streams one API key may hold open at once, on this replica. */
    @WithDefault("4")
    int streamsPerKey();

    /** How often the conditions below are looked for, and events past retention deleted. */
    @WithDefault("30s")
    Duration sweepInterval();

    /** A node offline this long is told as {@code node.unreachable}. */
    @WithDefault("2m")
    Duration nodeUnreachableAfter();

    /** A node whose disk is at least this full (0..1, from its last metric point) is told as {@code node.disk_filling}. */
    @WithDefault("0.9")
    double diskFullRatio();

    /**
     * A certificate a node's Warden reports (the link's CA, the runtimes' TLS files) that ends within this time is
     * told as {@code certificate.expiring}, once per certificate.
     */
    @WithDefault("14d")
    Duration certificateExpiryWarning();
}
