package io.lodestar.supervisor.config;

/** Fired inside the transaction that creates a config version; its row is readable there. */
public record RuntimeConfigCreated(long configId) {
}
