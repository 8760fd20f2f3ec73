package io.lodestar.testsupport.standin.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT as the real runtimes treat them: the first starts a graceful drain, later
 * ones are ignored. Replacing the JVM's own handlers is what lets the process exit 0 instead of 143.
 */
public final class Signals {

    private static final String[] TERMINATION = {"TERM", "INT"};

    private Signals() {
    }

    /** Runs {@code drain} (given the signal name) on the first termination signal only. */
    public static void onTermination(Consumer<String> drain, Consumer<String> ignored) {
        AtomicBoolean draining = new AtomicBoolean();
        SignalHandler handler = signal -> {
            if (draining.compareAndSet(false, true)) {
                Thread thread = new Thread(() -> drain.accept("SIG" + signal.getName()), "drain");
                thread.start();
            } else {
                ignored.accept("SIG" + signal.getName());
            }
        };
        for (String name : TERMINATION) {
            install(name, handler);
        }
    }

    /** Ignores termination signals entirely: only SIGKILL stops the process. */
    public static void ignoreTermination() {
        for (String name : TERMINATION) {
            install(name, SignalHandler.SIG_IGN);
        }
    }

    private static void install(String name, SignalHandler handler) {
        try {
            Signal.handle(new Signal(name), handler);
        } catch (IllegalArgumentException e) {
            // the signal is reserved (e.g. -Xrs) or unknown on this platform: keep the default
        }
    }
}
