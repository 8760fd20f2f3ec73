package io.lodestar.warden.runtime;

import io.quarkus.logging.Log;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs a runtime as a child process of the Warden: spawn with its environment, output appended to
 * its log file, a pid file; stop with SIGTERM, then SIGKILL after the grace period. A process
 * left running by an earlier Warden is adopted through the pid file when its pid and start time
 * both match. Stopping the Warden leaves the runtime running. Between actions the driver watches
 * the process: an exit nobody asked for is told to the {@link RuntimeExitListener}, and
 * {@link #maintain()} rotates the log and adopts a runtime an earlier Warden left running.
 */
public final class ProcessDriver implements RuntimeDriver {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final int LOG_LINES = 5;

    private final ProcessSpec spec;
    private final HealthProbe probe;
    private final Clock clock;
    private final PidFile pidFile;
    private final LogRotation logRotation;
    private final RuntimeExitListener exitListener;
    private final ReentrantLock actionLock = new ReentrantLock();
    /** The runtime's process while one is known; read without the lock by {@link #status()}. */
    private volatile ProcessHandle current;
    /** How deep the running action is (a restart is a stop and a start); changed under the lock only. */
    private volatile int acting;
    /** The pid this driver is stopping, whose exit is therefore not news. */
    private volatile long stoppingPid;

    public ProcessDriver(ProcessSpec spec, HealthProbe probe, Clock clock) {
        this(spec, probe, clock, LogRotation.NONE, RuntimeExitListener.NONE);
    }

    public ProcessDriver(ProcessSpec spec, HealthProbe probe, Clock clock, LogRotation logRotation,
            RuntimeExitListener exitListener) {
        this.spec = spec;
        this.probe = probe;
        this.clock = clock;
        this.pidFile = new PidFile(spec.pidFile());
        this.logRotation = logRotation;
        this.exitListener = exitListener;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public DriverStatus status() {
        ProcessHandle handle = current;
        if (handle != null && handle.isAlive()) {
            return DriverStatus.running(handle.pid());
        }
        try {
            return pidFile.read().flatMap(PidFile::liveProcess)
                    .map(process -> DriverStatus.running(process.pid()))
                    .orElse(DriverStatus.STOPPED);
        } catch (RuntimeIoException e) {
            Log.debugf("status of %s unknown: %s", spec.name(), e.getMessage());
            return DriverStatus.STOPPED;
        }
    }

    @Override
    public ActionResult start(RuntimeProgress progress) {
        return act(() -> {
            Optional<ProcessHandle> running = locate();
            if (running.isPresent()) {
                return awaitHealthy(running.get(), null, -1, true);
            }
            return spawn(progress);
        });
    }

    @Override
    public ActionResult stop() {
        return act(() -> {
            Optional<ProcessHandle> running = locate();
            if (running.isEmpty()) {
                pidFile.delete();
                return ActionResult.succeeded(spec.name() + " is already stopped", 0);
            }
            return terminate(running.get());
        });
    }

    @Override
    public ActionResult restart(RuntimeProgress progress) {
        return act(() -> {
            ActionResult stopped = stop();
            if (!stopped.succeeded()) {
                return ActionResult.failed("restart of " + spec.name() + " failed: " + stopped.message());
            }
            ActionResult started = start(progress);
            if (!started.succeeded()) {
                return started;
            }
            return ActionResult.succeeded(spec.name() + " restarted (pid " + started.pid() + ")", started.pid());
        });
    }

    /**
     * Rotates the log when it is too large and, when no action runs, adopts a runtime left running
     * by an earlier Warden so that its exit is watched too. Never waits for an action.
     */
    @Override
    public void maintain() {
        logRotation.rotateIfNeeded(spec.logFile());
        if (current == null && actionLock.tryLock()) {
            try {
                locate();
            } catch (RuntimeIoException e) {
                Log.debugf("%s: %s", spec.name(), e.getMessage());
            } finally {
                actionLock.unlock();
            }
        }
    }

    private ActionResult act(Supplier<ActionResult> action) {
        actionLock.lock();
        acting++;
        try {
            return action.get();
        } finally {
            acting--;
            actionLock.unlock();
        }
    }

    /** Reports the process's exit when it happens between actions and nobody asked for it. */
    private void watch(ProcessHandle handle, Process child) {
        CompletableFuture<?> exit = child != null ? child.onExit() : handle.onExit();
        exit.thenRun(() -> exitedOnItsOwn(handle, child));
    }

    private void exitedOnItsOwn(ProcessHandle handle, Process child) {
        if (acting > 0 || current != handle || stoppingPid == handle.pid()) {
            return; // an action is under way (it reports what it sees) or this exit was asked for
        }
        current = null;
        try {
            pidFile.delete();
        } catch (RuntimeIoException e) {
            Log.debugf("%s: %s", spec.name(), e.getMessage());
        }
        int code = child != null ? child.exitValue() : -1;
        List<String> lines = LogTail.lastLines(spec.logFile(), 0, LOG_LINES);
        String message = spec.name() + " (pid " + handle.pid() + ") exited on its own"
                + (code >= 0 ? " with code " + code : "") + "; last log lines: "
                + (lines.isEmpty() ? "(none)" : String.join("\n", lines));
        Log.warn(message);
        exitListener.exited(new RuntimeExit(spec.name(), handle.pid(), code, message, clock.millis()));
    }

    /** The runtime's live process: the one this driver knows, or one adopted from the pid file. */
    private Optional<ProcessHandle> locate() {
        ProcessHandle handle = current;
        if (handle != null && handle.isAlive()) {
            return Optional.of(handle);
        }
        current = null;
        Optional<PidFile.Entry> entry = pidFile.read();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> adopted = PidFile.liveProcess(entry.get());
        if (adopted.isPresent()) {
            Log.infof("%s: adopted the running process %d from %s", spec.name(), entry.get().pid(), pidFile.path());
            current = adopted.get();
            watch(adopted.get(), null);
        } else {
            Log.infof("%s: %s names pid %d, which is not the runtime's process any more; removing it",
                    spec.name(), pidFile.path(), entry.get().pid());
            pidFile.delete();
        }
        return adopted;
    }

    private ActionResult spawn(RuntimeProgress progress) {
        String binary = spec.command().get(0);
        String pathVariable = spec.environment().getOrDefault("PATH", System.getenv("PATH"));
        Optional<Path> executable = CommandLocator.locate(binary, pathVariable, spec.workingDir());
        if (executable.isEmpty()) {
            String where = binary.contains(File.separator) ? "does not exist or is not executable" : "not found on PATH";
            return ActionResult.failed(spec.name() + " is not installed on this node: `" + binary + "` " + where);
        }
        try {
            Files.createDirectories(spec.workingDir());
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
        } catch (IOException e) {
            return ActionResult.failed("cannot prepare the directories of " + spec.name() + ": " + e);
        }
        logRotation.rotateIfNeeded(spec.logFile());
        long logOffset = LogTail.size(spec.logFile());
        Process process;
        try {
            process = processBuilder(executable.get()).start();
        } catch (IOException e) {
            return ActionResult.failed("could not start " + spec.name() + ": " + e.getMessage());
        }
        ProcessHandle handle = process.toHandle();
        current = handle;
        watch(handle, process);
        try {
            pidFile.write(new PidFile.Entry(handle.pid(), PidFile.startEpochMs(handle).orElse(0L)));
        } catch (RuntimeIoException e) {
            Log.warnf("%s runs as pid %d, but a restarted Warden will not find it: %s",
                    spec.name(), handle.pid(), e.getMessage());
        }
        Log.infof("%s: started pid %d: %s", spec.name(), handle.pid(), String.join(" ", spec.command()));
        progress.running(spec.name() + " process up (pid " + handle.pid() + ")", handle.pid());
        return awaitHealthy(handle, process, logOffset, false);
    }

    private ProcessBuilder processBuilder(Path executable) {
        List<String> command = new ArrayList<>(spec.command());
        command.set(0, executable.toString());
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

    /**
     * Polls the health URL until it answers 2xx, the process dies or the timeout passes.
     *
     * @param child the process when this driver spawned it (for its exit code), else null
     * @param preexisting whether the process was running before this action (it is left running
     *     when it does not become healthy)
     */
    private ActionResult awaitHealthy(ProcessHandle handle, Process child, long logOffset, boolean preexisting) {
        long deadline = clock.millis() + spec.healthTimeout().toMillis();
        HealthProbe.Result last = new HealthProbe.Result(false, "not checked");
        while (true) {
            if (!handle.isAlive()) {
                clear();
                return ActionResult.failed(exitMessage(handle, child, logOffset));
            }
            last = probe.check(spec.healthUrl());
            if (last.healthy() && handle.isAlive()) {
                String message = preexisting
                        ? spec.name() + " is already running (pid " + handle.pid() + ")"
                        : spec.name() + " started (pid " + handle.pid() + ")";
                return ActionResult.succeeded(message, handle.pid());
            }
            if (clock.millis() >= deadline) {
                return unhealthy(handle, last, preexisting);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ActionResult.failed("the Warden stopped while waiting for " + spec.name()
                        + " (pid " + handle.pid() + ") to become healthy; it was left running");
            }
        }
    }

    private String exitMessage(ProcessHandle handle, Process child, long logOffset) {
        String how = child != null ? "exited with code " + exitCode(child) : "(pid " + handle.pid() + ") exited";
        List<String> lines = logOffset >= 0 ? LogTail.lastLines(spec.logFile(), logOffset, LOG_LINES) : List.of();
        String tail = lines.isEmpty() ? "(none)" : String.join("\n", lines);
        return spec.name() + " " + how + " during start; last log lines: " + tail;
    }

    private static String exitCode(Process child) {
        try {
            return String.valueOf(child.waitFor(1, TimeUnit.SECONDS) ? child.exitValue() : "unknown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private ActionResult unhealthy(ProcessHandle handle, HealthProbe.Result last, boolean preexisting) {
        String what = spec.healthUrl() + " did not answer 2xx within " + format(spec.healthTimeout())
                + " (last: " + last.detail() + ")";
        if (preexisting) {
            return ActionResult.failed(spec.name() + " is running (pid " + handle.pid() + ") but is not healthy: "
                    + what + "; it was left running");
        }
        ActionResult stopped = terminate(handle);
        String after = stopped.succeeded() ? "; stopped it" : "; " + stopped.message();
        return ActionResult.failed(spec.name() + " did not become healthy: " + what + after);
    }

    /** SIGTERM, wait up to the grace period, then SIGKILL. */
    private ActionResult terminate(ProcessHandle handle) {
        long pid = handle.pid();
        Log.infof("%s: stopping pid %d (SIGTERM)", spec.name(), pid);
        stoppingPid = pid;
        handle.destroy();
        boolean killed = false;
        try {
            if (!awaitExit(handle, spec.stopGrace())) {
                Log.warnf("%s: pid %d still runs %s after SIGTERM; sending SIGKILL",
                        spec.name(), pid, format(spec.stopGrace()));
                handle.destroyForcibly();
                killed = true;
                if (!awaitExit(handle, KILL_WAIT)) {
                    return ActionResult.failed("could not stop " + spec.name() + " (pid " + pid
                            + "): it still runs after SIGKILL");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ActionResult.failed("the Warden stopped while stopping " + spec.name() + " (pid " + pid + ")");
        }
        clear();
        String how = killed ? " (killed: it did not exit within " + format(spec.stopGrace()) + " of SIGTERM)" : "";
        return ActionResult.succeeded(spec.name() + " stopped (pid " + pid + ")" + how, 0);
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) throws InterruptedException {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }

    private void clear() {
        current = null;
        pidFile.delete();
    }

    private static String format(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
