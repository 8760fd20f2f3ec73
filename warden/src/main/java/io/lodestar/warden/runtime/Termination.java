package io.lodestar.warden.runtime;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a runtime's process: SIGTERM, up to the grace period to drain, then SIGKILL. */
final class Termination {

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final ProcessSpec spec;

    Termination(ProcessSpec spec) {
        this.spec = spec;
    }

    /** SIGTERM, wait up to the grace period, then SIGKILL; succeeded once the process is gone. */
    ActionResult terminate(ProcessHandle handle) {
        long pid = handle.pid();
        Log.infof("%s: stopping pid %d (SIGTERM)", spec.name(), pid);
        handle.destroy();
        boolean killed = false;
        try {
            if (!awaitExit(handle, spec.stopGrace())) {
                Log.warnf("%s: pid %d still runs %s after SIGTERM; sending SIGKILL",
                        spec.name(), pid, Durations.format(spec.stopGrace()));
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
        String how = killed ? " (killed: it did not exit within " + Durations.format(spec.stopGrace()) + " of SIGTERM)" : "";
        return ActionResult.succeeded(spec.name() + " stopped (pid " + pid + ")" + how, 0);
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) throws InterruptedException {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !handle.isAlive();
        }
    }
}
