package io.lodestar.warden.task;

import java.util.function.BiConsumer;

/**
 * Lets code deep inside a task (a runtime driver) say how far it got without knowing about tasks: the
 * task runner installs a reporter for the thread that runs the task, a driver calls {@link #running}
 * once its process is spawned. Outside a task the call does nothing.
 */
public final class TaskProgress {

    private static final ThreadLocal<BiConsumer<String, Long>> REPORTER = new ThreadLocal<>();

    private TaskProgress() {
    }

    /** Runs {@code work} with {@code reporter} receiving this thread's progress reports (message, pid). */
    public static <T> T reportingTo(BiConsumer<String, Long> reporter, java.util.function.Supplier<T> work) {
        REPORTER.set(reporter);
        try {
            return work.get();
        } finally {
            REPORTER.remove();
        }
    }

    /** The runtime process is up (its health not yet checked). */
    public static void running(String message, long pid) {
        BiConsumer<String, Long> reporter = REPORTER.get();
        if (reporter != null) {
            reporter.accept(message, pid);
        }
    }
}
