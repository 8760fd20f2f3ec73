package io.lodestar.warden.runtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a command's executable the way a shell would: a path as given, a bare name on PATH. */
final class CommandLocator {

    private CommandLocator() {
    }

    static Optional<Path> locate(String command, String pathVariable, Path workingDir) {
        try {
            if (command.contains(File.separator)) {
                Path path = workingDir.resolve(command);
                return isExecutableFile(path) ? Optional.of(path) : Optional.empty();
            }
            if (pathVariable == null) {
                return Optional.empty();
            }
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, command);
                if (isExecutableFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
