package io.lodestar.warden.runtime;

import io.quarkus.logging.Log;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a runtime as a systemd unit: {@code systemctl start|stop|restart <unit>}, state from
 * {@code systemctl show -p ActiveState,SubState,MainPID,ExecMainStartTimestampMonotonic <unit>}.
 * A start or restart counts as done when the unit is active and the health URL answers 2xx; a
 * restart also needs a new main process (its start timestamp changed), so a restart systemd
 * skipped is not reported as done. Once the unit is active with a new main process, its MainPID
 * goes to the action's {@link RuntimeProgress}. The Warden needs the right to manage the unit: see the polkit
 * rule in {@code deploy/systemd/}.
 */
public final class SystemdDriver implements RuntimeDriver {

    static final String SHOW_PROPERTIES = "ActiveState,SubState,MainPID,ExecMainStartTimestampMonotonic";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int OUTPUT_LIMIT = 2_000;

    /** What {@code systemctl show} says about the unit. */
    record UnitState(String activeState, String subState, long mainPid, long startMonotonicUs) {

        boolean active() {
            return "active".equals(activeState) || "reloading".equals(activeState);
        }

        boolean failedOrDead() {
            return "failed".equals(activeState) || "inactive".equals(activeState);
        }

        static UnitState parse(String output) {
            Map<String, String> values = new HashMap<>();
            for (String line : output.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            return new UnitState(values.getOrDefault("ActiveState", "unknown"), values.getOrDefault("SubState", "unknown"),
                    number(values.get("MainPID")), number(values.get("ExecMainStartTimestampMonotonic")));
        }

        private static long number(String value) {
            try {
                return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    private record Result(int exitCode, String output) {
    }

    private final String name;
    private final List<String> systemctl;
    private final String unit;
    private final URI healthUrl;
    private final HealthProbe probe;
    private final Duration healthTimeout;
    private final Duration commandTimeout;
    private final Clock clock;
    /** Whether an action runs, and how many began: a health reading that overlapped one is not reported. */
    private volatile boolean acting;
    private final AtomicLong begun = new AtomicLong();

    /**
     * @param systemctl the command that is systemctl ({@code [systemctl]}, or with a prefix such as sudo)
     * @param commandTimeout how long one systemctl call may take (a stop waits for the unit's own stop timeout)
     */
    public SystemdDriver(String name, List<String> systemctl, String unit, URI healthUrl, HealthProbe probe,
            Duration healthTimeout, Duration commandTimeout, Clock clock) {
        if (systemctl.isEmpty() || unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("the systemd driver of " + name + " needs systemctl and a unit name");
        }
        this.name = name;
        this.systemctl = List.copyOf(systemctl);
        this.unit = unit;
        this.healthUrl = healthUrl;
        this.probe = probe;
        this.healthTimeout = healthTimeout;
        this.commandTimeout = commandTimeout;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized ActionResult start(RuntimeProgress progress, ActionDeadline deadline) {
        return act(() -> startNow(progress, deadline));
    }

    @Override
    public synchronized ActionResult stop() {
        return act(this::stopNow);
    }

    @Override
    public synchronized ActionResult restart(RuntimeProgress progress, ActionDeadline deadline) {
        return act(() -> restartNow(progress, deadline));
    }

    private ActionResult act(Supplier<ActionResult> action) {
        acting = true;
        begun.incrementAndGet();
        try {
            return action.get();
        } finally {
            acting = false;
        }
    }

    private ActionResult startNow(RuntimeProgress progress, ActionDeadline deadline) {
        UnitState before;
        try {
            before = show();
        } catch (IllegalStateException e) {
            return ActionResult.failed(e.getMessage());
        }
        boolean wasActive = before.active();
        if (!wasActive) {
            Result result = systemctl("start", unit);
            if (result.exitCode() != 0) {
                return ActionResult.failed(failure("start", result));
            }
        }
        return wasActive ? awaitHealthy("is already running", -1, RuntimeProgress.NONE, deadline)
                : awaitHealthy("started", -1, progress, deadline);
    }

    @Override
    public Optional<HealthProbe.Result> health() {
        long before = begun.get();
        if (acting) {
            return Optional.empty(); // the action's outcome will tell; a reading from its middle would arrive after it
        }
        HealthProbe.Result result = status().running() ? probe.check(healthUrl) : HealthProbe.NOT_RUNNING;
        return !acting && begun.get() == before ? Optional.of(result) : Optional.empty();
    }

    private ActionResult stopNow() {
        Result result = systemctl("stop", unit);
        if (result.exitCode() != 0) {
            return ActionResult.failed(failure("stop", result));
        }
        return ActionResult.succeeded(name + " stopped (unit " + unit + ")", 0);
    }

    private ActionResult restartNow(RuntimeProgress progress, ActionDeadline deadline) {
        long startedBefore;
        try {
            startedBefore = show().startMonotonicUs();
        } catch (IllegalStateException e) {
            return ActionResult.failed(e.getMessage());
        }
        Result result = systemctl("restart", unit);
        if (result.exitCode() != 0) {
            return ActionResult.failed(failure("restart", result));
        }
        return awaitHealthy("restarted", startedBefore, progress, deadline);
    }

    @Override
    public DriverStatus status() {
        try {
            UnitState state = show();
            return state.active() && state.mainPid() > 0 ? DriverStatus.running(state.mainPid()) : DriverStatus.STOPPED;
        } catch (IllegalStateException e) {
            Log.debugf("status of %s unknown: %s", name, e.getMessage());
            return DriverStatus.STOPPED;
        }
    }

    /**
     * @param startedBefore the main process's start timestamp before a restart, -1 when not restarting
     * @param progress hears the unit's MainPID once the unit is active with a new main process
     * @param execution past it, the wait ends and the unit is left as it is (systemd's own start job goes on)
     */
    private ActionResult awaitHealthy(String done, long startedBefore, RuntimeProgress progress, ActionDeadline execution) {
        long deadline = clock.millis() + healthTimeout.toMillis();
        HealthProbe.Result last = new HealthProbe.Result(false, "not checked");
        UnitState state = null;
        long reportedPid = 0;
        while (true) {
            try {
                state = show();
            } catch (IllegalStateException e) {
                return ActionResult.failed(e.getMessage());
            }
            if (state.failedOrDead()) {
                return ActionResult.failed(name + ": unit " + unit + " is " + state.activeState() + " (" + state.subState()
                        + "); see journalctl -u " + unit);
            }
            boolean newProcess = startedBefore < 0 || state.startMonotonicUs() != startedBefore;
            if (state.active() && newProcess) {
                if (state.mainPid() > 0 && state.mainPid() != reportedPid) {
                    reportedPid = state.mainPid();
                    progress.running(name + " process up (unit " + unit + ", pid " + reportedPid + ")", reportedPid);
                }
                last = probe.check(healthUrl);
                if (last.healthy()) {
                    return ActionResult.succeeded(name + " " + done + " (unit " + unit + ", pid " + state.mainPid() + ")",
                            state.mainPid());
                }
            }
            if (execution.passed(clock)) {
                return ActionResult.timedOut(execution.timedOut("waiting for " + name + " to become healthy") + "; unit "
                        + unit + " was left as it is (" + state.activeState() + ", " + state.subState() + ", pid "
                        + state.mainPid() + ", last health check: " + last.detail() + ")", state.mainPid());
            }
            if (clock.millis() >= deadline) {
                String why = newProcess ? healthUrl + " did not answer 2xx (last: " + last.detail() + ")"
                        : "systemd did not start a new main process";
                return ActionResult.failed(name + " did not become healthy within " + healthTimeout.toMillis() + " ms: "
                        + why + "; unit " + unit + " is " + state.activeState() + " (" + state.subState() + ")");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ActionResult.failed("the Warden stopped while waiting for " + name + " (unit " + unit + ") to become healthy");
            }
        }
    }

    private UnitState show() {
        Result result = systemctl("show", "-p", SHOW_PROPERTIES, unit);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(failure("show", result));
        }
        return UnitState.parse(result.output());
    }

    private String failure(String verb, Result result) {
        String output = result.output().isBlank() ? "" : ": " + result.output().strip();
        return "systemctl " + verb + " " + unit + " failed (exit " + result.exitCode() + ")" + output;
    }

    private Result systemctl(String... arguments) {
        List<String> command = new ArrayList<>(systemctl);
        command.addAll(List.of(arguments));
        Path output;
        try {
            output = Files.createTempFile("warden-systemctl", ".out");
        } catch (IOException e) {
            return new Result(-1, "cannot create a temporary file: " + e.getMessage());
        }
        // Output to a file, not a pipe: a hung systemctl must not hang the read; the timeout applies.
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(devNull));
        }
        try {
            Process process = builder.start();
            try {
                if (!process.waitFor(commandTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, "no answer within " + commandTimeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                return new Result(-1, "interrupted: the Warden is stopping");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            return new Result(process.exitValue(), text.length() > OUTPUT_LIMIT ? text.substring(0, OUTPUT_LIMIT) : text);
        } catch (IOException e) {
            return new Result(-1, "cannot run " + systemctl.get(0) + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                Log.debugf("cannot delete %s: %s", output, e);
            }
        }
    }
}
