package io.lodestar.warden.runtime;

import io.quarkus.logging.Log;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs a runtime as a child process of the Warden: spawn with its environment, output appended to
 * its log file, a pid file ({@link ProcessLauncher}); wait for health ({@link HealthWait}); stop
 * with SIGTERM, then SIGKILL after the grace period ({@link Termination}). A process
 * left running by an earlier Warden is adopted through the pid file when its pid and start time
 * both match. Stopping the Warden leaves the runtime running. Between actions the driver watches
 * the process: an exit nobody asked for is told to the {@link RuntimeExitListener}, and
 * {@link #maintain()} rotates the log and adopts a runtime an earlier Warden left running.
 */
public final class ProcessDriver implements RuntimeDriver {

    private final ProcessSpec spec;
    private final Clock clock;
    private final PidFile pidFile;
    private final ProcessLauncher launcher;
    private final HealthProbe probe;
    private final HealthWait health;
    private final Termination termination;
    private final LogRotation logRotation;
    private final RuntimeExitListener exitListener;
    private final ReentrantLock actionLock = new ReentrantLock();
    /** The runtime's process while one is known; read without the lock by {@link #status()}. */
    private volatile ProcessHandle current;
    /** How deep the running action is (a restart is a stop and a start); changed under the lock only. */
    private volatile int acting;
    /** How many actions began, so a health reading that overlapped one is told apart; changed under the lock only. */
    private volatile long begun;
    /** The pid this driver is stopping, whose exit is therefore not news. */
    private volatile long stoppingPid;

    public ProcessDriver(ProcessSpec spec, HealthProbe probe, Clock clock) {
        this(spec, probe, clock, LogRotation.NONE, RuntimeExitListener.NONE);
    }

    public ProcessDriver(ProcessSpec spec, HealthProbe probe, Clock clock, LogRotation logRotation,
            RuntimeExitListener exitListener) {
        this.spec = spec;
        this.clock = clock;
        this.pidFile = new PidFile(spec.pidFile());
        this.launcher = new ProcessLauncher(spec, logRotation);
        this.probe = probe;
        this.health = new HealthWait(spec, probe, clock);
        this.termination = new Termination(spec);
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
    public Optional<HealthProbe.Result> health() {
        long before = begun;
        if (acting > 0) {
            return Optional.empty(); // the action's outcome will tell; a reading from its middle would arrive after it
        }
        HealthProbe.Result result = status().running() ? probe.check(spec.healthUrl()) : HealthProbe.NOT_RUNNING;
        return acting == 0 && begun == before ? Optional.of(result) : Optional.empty();
    }

    @Override
    public ActionResult start(RuntimeProgress progress, ActionDeadline deadline) {
        return act(() -> {
            Optional<ProcessHandle> running = locate();
            if (running.isPresent()) {
                return awaitHealthy(running.get(), null, -1, true, deadline);
            }
            return spawn(progress, deadline);
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
    public ActionResult restart(RuntimeProgress progress, ActionDeadline deadline) {
        return act(() -> {
            ActionResult stopped = stop();
            if (!stopped.succeeded()) {
                return ActionResult.failed("restart of " + spec.name() + " failed: " + stopped.message());
            }
            ActionResult started = start(progress, deadline);
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
        begun++;
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
        String message = spec.name() + " (pid " + handle.pid() + ") exited on its own"
                + (code >= 0 ? " with code " + code : "") + "; last log lines: " + LogTail.quoted(spec.logFile(), 0);
        Log.warn(message);
        exitListener.exited(new RuntimeExit(spec.runtime(), handle.pid(), code, message, clock.millis()));
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

    private ActionResult spawn(RuntimeProgress progress, ActionDeadline deadline) {
        ProcessLauncher.Launched launched;
        try {
            launched = launcher.launch();
        } catch (ProcessLauncher.LaunchFailed e) {
            return ActionResult.failed(e.getMessage());
        }
        Process process = launched.process();
        ProcessHandle handle = process.toHandle();
        current = handle;
        watch(handle, process);
        try {
            pidFile.write(new PidFile.Entry(handle.pid(), PidFile.startEpochMs(handle).orElse(0L)));
        } catch (RuntimeIoException e) {
            Log.warnf("%s runs as pid %d, but a restarted Warden will not find it: %s",
                    spec.name(), handle.pid(), e.getMessage());
        }
        Log.infof("%s: started pid %d: %s%s", spec.name(), handle.pid(), String.join(" ", spec.command()),
                spec.replicaFile().map(f -> f.arguments().isEmpty() ? "" : " " + String.join(" ", f.arguments())).orElse(""));
        progress.running(spec.name() + " process up (pid " + handle.pid() + ")", handle.pid());
        return awaitHealthy(handle, process, launched.logOffset(), false, deadline);
    }

    /**
     * Waits for the process to become healthy.
     *
     * @param child the process when this driver spawned it (for its exit code), else null
     * @param preexisting whether the process was running before this action (it is left running
     *     when it does not become healthy)
     * @param deadline past it, the wait ends and the process is left running as it is: it may still become
     *     healthy (a replica catching up can take long), and stopping it would leave the node down for certain
     */
    private ActionResult awaitHealthy(ProcessHandle handle, Process child, long logOffset, boolean preexisting,
            ActionDeadline deadline) {
        HealthWait.Result result = health.await(handle, deadline);
        return switch (result.ending()) {
            case HEALTHY -> ActionResult.succeeded(preexisting
                    ? spec.name() + " is already running (pid " + handle.pid() + ")"
                    : spec.name() + " started (pid " + handle.pid() + ")", handle.pid());
            case EXITED -> {
                clear();
                yield ActionResult.failed(health.exitMessage(handle, child, logOffset));
            }
            case TIMED_OUT -> unhealthy(handle, result.last(), preexisting);
            case EXECUTION_TIMED_OUT -> ActionResult.timedOut(deadline.timedOut("waiting for " + spec.name()
                    + " to become healthy") + "; it was left running as it is (pid " + handle.pid() + ", last health check: "
                    + result.last().detail() + ")", handle.pid());
            case INTERRUPTED -> ActionResult.failed("the Warden stopped while waiting for " + spec.name()
                    + " (pid " + handle.pid() + ") to become healthy; it was left running");
        };
    }

    private ActionResult unhealthy(ProcessHandle handle, HealthProbe.Result last, boolean preexisting) {
        String what = health.notHealthy(last);
        if (preexisting) {
            return ActionResult.failed(spec.name() + " is running (pid " + handle.pid() + ") but is not healthy: "
                    + what + "; it was left running");
        }
        ActionResult stopped = terminate(handle);
        String after = stopped.succeeded() ? "; stopped it" : "; " + stopped.message();
        return ActionResult.failed(spec.name() + " did not become healthy: " + what + after);
    }

    /** Stops the process; its exit is then not news to the exit listener. */
    private ActionResult terminate(ProcessHandle handle) {
        stoppingPid = handle.pid();
        ActionResult stopped = termination.terminate(handle);
        if (stopped.succeeded()) {
            clear();
        }
        return stopped;
    }

    private void clear() {
        current = null;
        pidFile.delete();
    }
}
