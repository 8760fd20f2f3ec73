package io.lodestar.supervisor.agent;

import java.time.Instant;

import io.lodestar.protocol.RuntimeName;

/** Fired inside the transaction that records it: a node's heartbeats say its runtime's health changed. */
public record RuntimeHealthChanged(long nodeId, RuntimeName runtime, boolean healthy, String detail, Instant at) {
}
