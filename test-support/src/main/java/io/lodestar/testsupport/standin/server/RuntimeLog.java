package io.lodestar.testsupport.standin.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Log lines in the shape of the real runtimes' tracing output
 * ({@code 2025-01-01T10:00:00.123456Z  INFO iggy_server: ...}): INFO and WARN to stdout, ERROR to
 * stderr, and every line appended to the log file once one is attached.
 */
public final class RuntimeLog {

    private final String target;
    private OutputStream file;

    public RuntimeLog(String binaryName) {
        this.target = binaryName.replace('-', '_');
    }

    /** Appends every following line to {@code logFile} as well. */
    public synchronized void attach(Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        file = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public void info(String message) {
        write(" INFO", message, System.out);
    }

    public void warn(String message) {
        write(" WARN", message, System.out);
    }

    public void error(String message) {
        write("ERROR", message, System.err);
    }

    private synchronized void write(String level, String message, PrintStream console) {
        String line = Instant.now() + " " + level + " " + target + ": " + message;
        console.println(line);
        console.flush();
        if (file != null) {
            try {
                file.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                file.flush();
            } catch (IOException e) {
                System.err.println("cannot write the log file: " + e.getMessage());
                file = null;
            }
        }
    }
}
