package io.lodestar.warden.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spawns a runtime's process: finds its executable the way a shell would, prepares its working
 * directory and log, appends its output to the log and gives it its environment.
 */
final class ProcessLauncher {

    /** A process that was spawned, and the size its log had before, where its own lines begin. */
    record Launched(Process process, long logOffset) {
    }

    /** The process could not be spawned; the message says why in words a person can act on. */
    static final class LaunchFailed extends Exception {

        LaunchFailed(String message) {
            super(message);
        }
    }

    private final ProcessSpec spec;
    private final LogRotation logRotation;

    ProcessLauncher(ProcessSpec spec, LogRotation logRotation) {
        this.spec = spec;
        this.logRotation = logRotation;
    }

    Launched launch() throws LaunchFailed {
        String binary = spec.command().get(0);
        String pathVariable = spec.environment().getOrDefault("PATH", System.getenv("PATH"));
        Optional<Path> executable = CommandLocator.locate(binary, pathVariable, spec.workingDir());
        if (executable.isEmpty()) {
            String where = binary.contains(File.separator) ? "does not exist or is not executable" : "not found on PATH";
            throw new LaunchFailed(spec.name() + " is not installed on this node: `" + binary + "` " + where);
        }
        try {
            Files.createDirectories(spec.workingDir());
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new LaunchFailed("cannot prepare the directories of " + spec.name() + ": " + e);
        }
        logRotation.rotateIfNeeded(spec.logFile());
        long logOffset = LogTail.size(spec.logFile());
        try {
            return new Launched(processBuilder(executable.get()).start(), logOffset);
        } catch (IOException e) {
            throw new LaunchFailed("could not start " + spec.name() + ": " + e.getMessage());
        }
    }

    private ProcessBuilder processBuilder(Path executable) {
        List<String> command = new ArrayList<>(spec.command());
        command.set(0, executable.toString());
        spec.replicaFile().ifPresent(file -> command.addAll(file.arguments()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.workingDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(devNull));
        }
        builder.environment().putAll(spec.environment());
        return builder;
    }
}
