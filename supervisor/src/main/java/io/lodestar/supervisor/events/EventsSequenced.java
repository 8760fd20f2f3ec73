package io.lodestar.supervisor.events;

import java.util.List;

/**
 * Fired inside the sequencer's transaction with the events that just got their positions, in position order:
 * whatever must follow every event exactly once (the webhooks' delivery queue) is written in that commit.
 */
public record EventsSequenced(List<SequencedEvent> events) {
}
