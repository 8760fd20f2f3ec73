package io.lodestar.supervisor.common;

import org.jboss.logging.MDC;

/**
 * The ids a log line carries in the MDC, as the Warden's do ({@code node_id}, {@code task_id}, and here
 * {@code deployment_id}): {@code try (var scope = LogContext.put(LogContext.TASK_ID, id)) { … }} restores what was
 * there before once the work is done, so nested work on one thread keeps the outer ids.
 */
public final class LogContext {

    public static final String DEPLOYMENT_ID = "deployment_id";
    public static final String NODE_ID = "node_id";
    public static final String TASK_ID = "task_id";

    private LogContext() {
    }

    /** Until closed, every log line of this thread (or request context) carries {@code key=value}. */
    public static Scope put(String key, Object value) {
        Object previous = MDC.get(key);
        MDC.put(key, String.valueOf(value));
        return () -> {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        };
    }

    /** The end of a {@link #put}; closing it cannot fail. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
