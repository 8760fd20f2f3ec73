package io.lodestar.warden.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a runtime's process to become healthy: polls the health URL until it answers 2xx,
 * the process dies or the health timeout passes. Only watches; what to do about an unhealthy
 * process is the driver's decision.
 */
final class HealthWait {

    private static final Duration POLL = Duration.ofMillis(100);

    /** How a wait ended. */
    enum Ending { HEALTHY, EXITED, TIMED_OUT, EXECUTION_TIMED_OUT, INTERRUPTED }

    /** @param last the last probe's answer, for a message */
    record Result(Ending ending, HealthProbe.Result last) {
    }

    private final ProcessSpec spec;
    private final HealthProbe probe;
    private final Clock clock;

    HealthWait(ProcessSpec spec, HealthProbe probe, Clock clock) {
        this.spec = spec;
        this.probe = probe;
        this.clock = clock;
    }

    /** Waits up to the health timeout, or until {@code execution} passes if that comes first. */
    Result await(ProcessHandle handle, ActionDeadline execution) {
        long deadline = clock.millis() + spec.healthTimeout().toMillis();
        HealthProbe.Result last = new HealthProbe.Result(false, "not checked");
        while (true) {
            if (!handle.isAlive()) {
                return new Result(Ending.EXITED, last);
            }
            last = probe.check(spec.healthUrl());
            if (last.healthy() && handle.isAlive()) {
                return new Result(Ending.HEALTHY, last);
            }
            if (execution.passed(clock)) {
                return new Result(Ending.EXECUTION_TIMED_OUT, last);
            }
            if (clock.millis() >= deadline) {
                return new Result(Ending.TIMED_OUT, last);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(Ending.INTERRUPTED, last);
            }
        }
    }

    /** What the health URL did not do, for a failure message. */
    String notHealthy(HealthProbe.Result last) {
        return spec.healthUrl() + " did not answer 2xx within " + Durations.format(spec.healthTimeout())
                + " (last: " + last.detail() + ")";
    }

    /**
     * Why a process died while it was being started, with its last log lines.
     *
     * @param child the process when the driver spawned it (for its exit code), else null
     * @param logOffset where the process's own log lines begin, -1 when unknown
     */
    String exitMessage(ProcessHandle handle, Process child, long logOffset) {
        String how = child != null ? "exited with code " + exitCode(child) : "(pid " + handle.pid() + ") exited";
        return spec.name() + " " + how + " during start; last log lines: " + LogTail.quoted(spec.logFile(), logOffset);
    }

    private static String exitCode(Process child) {
        try {
            return String.valueOf(child.waitFor(1, TimeUnit.SECONDS) ? child.exitValue() : "unknown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
