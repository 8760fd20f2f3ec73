package io.lodestar.diagnostics.checks;

import io.lodestar.diagnostics.host.HostReader;
import java.util.Optional;

/** Kernel tunables as exposed below {@code /proc/sys}. */
public final class Sysctl {

    private Sysctl() {
    }

    /** {@code vm.max_map_count} lives at {@code /proc/sys/vm/max_map_count}. */
    public static String path(String name) {
        return "/proc/sys/" + name.replace('.', '/');
    }

    public static Optional<String> read(HostReader host, String name) {
        return host.value(path(name));
    }

    public static Optional<Long> readLong(HostReader host, String name) {
        return read(host, name).map(v -> Long.parseLong(v.split("\\s+")[0]));
    }

    /** Where to make a setting permanent, named so an operator can copy it. */
    public static String persist(String name, Object value) {
        return "run `sysctl -w " + name + "=" + value + "` and persist it in /etc/sysctl.d/90-iggy.conf";
    }
}
