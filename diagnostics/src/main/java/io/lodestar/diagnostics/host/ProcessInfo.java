package io.lodestar.diagnostics.host;

import java.time.Duration;

/** A running process, as much of it as the checks need. Limits of -1 mean "unknown". */
public record ProcessInfo(int pid, String name, String path, String commandLine, String user, String uid,
                          long residentBytes, Duration uptime, long openFiles, long softOpenFileLimit,
                          long hardOpenFileLimit, String workingDirectory) {

    public boolean runsAsRoot() {
        return "0".equals(uid);
    }
}
