package io.lodestar.warden.runtime;

import io.lodestar.protocol.RuntimeName;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run one runtime as a child process.
 *
 * @param runtime the runtime this process is
 * @param command the binary (looked up on PATH unless it contains a slash), then its arguments
 * @param environment variables added to the Warden's own environment
 * @param healthUrl healthy when a GET answers 2xx
 * @param stopGrace how long to wait after SIGTERM before SIGKILL
 * @param healthTimeout how long a start waits for the health check
 * @param replicaFile where the Iggy server's {@code --replica-id} is kept ({@link ReplicaFile}); empty for a
 *        runtime that takes none
 */
public record ProcessSpec(
        RuntimeName runtime,
        List<String> command,
        Path workingDir,
        Map<String, String> environment,
        URI healthUrl,
        Path logFile,
        Path pidFile,
        Duration stopGrace,
        Duration healthTimeout,
        Optional<ReplicaFile> replicaFile) {

    /** A runtime that is never a cluster replica. */
    public ProcessSpec(RuntimeName runtime, List<String> command, Path workingDir, Map<String, String> environment,
            URI healthUrl, Path logFile, Path pidFile, Duration stopGrace, Duration healthTimeout) {
        this(runtime, command, workingDir, environment, healthUrl, logFile, pidFile, stopGrace, healthTimeout,
                Optional.empty());
    }

    public ProcessSpec {
        Objects.requireNonNull(replicaFile, "replicaFile");
        Objects.requireNonNull(runtime, "runtime");
        String name = runtime.wireName();
        if (command == null || command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("the command of " + name + " is empty");
        }
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(healthUrl, "healthUrl");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(pidFile, "pidFile");
        if (stopGrace.isNegative() || healthTimeout.isNegative()) {
            throw new IllegalArgumentException("durations of " + name + " must not be negative");
        }
    }

    /** The runtime's name in messages: {@code iggy}, {@code connectors}. */
    public String name() {
        return runtime.wireName();
    }
}
