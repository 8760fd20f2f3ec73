package io.lodestar.warden.runtime;

/** Whether the runtime's process runs, and its pid (0 when not). */
public record DriverStatus(boolean running, long pid) {

    public static final DriverStatus STOPPED = new DriverStatus(false, 0);

    public static DriverStatus running(long pid) {
        return new DriverStatus(true, pid);
    }
}
