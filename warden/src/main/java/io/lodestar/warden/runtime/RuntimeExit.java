package io.lodestar.warden.runtime;

import io.lodestar.protocol.RuntimeName;

/**
 * A runtime's process that ended on its own, between tasks.
 *
 * @param exitCode -1 when unknown (a process adopted from an earlier Warden is not its child)
 * @param message what happened, with its last log lines
 */
public record RuntimeExit(RuntimeName runtime, long pid, int exitCode, String message, long atEpochMs) {
}
