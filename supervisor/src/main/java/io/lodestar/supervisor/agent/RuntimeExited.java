package io.lodestar.supervisor.agent;

import io.lodestar.protocol.RuntimeName;

/** Fired inside a transaction when a node's Warden saw a runtime exit on its own between tasks (a crash, an OOM kill). */
public record RuntimeExited(long nodeId, RuntimeName runtime, String message) {
}
