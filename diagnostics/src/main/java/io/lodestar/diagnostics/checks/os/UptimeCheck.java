package io.lodestar.diagnostics.checks.os;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.time.Duration;
import java.util.Optional;

/** A host that rebooted minutes ago often explains an incident on its own. */
public final class UptimeCheck extends AbstractCheck {

    static final Duration RECENT_BOOT = Duration.ofMinutes(15);

    public UptimeCheck() {
        super("os.uptime", "Host uptime", Category.OS);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<String> text = context.host().value("/proc/uptime");
        if (text.isEmpty()) {
            return CheckResult.skip("/proc/uptime is not readable");
        }
        Duration uptime = parseUptime(text.get());
        String bootedAt = context.clock().instant().minus(uptime).toString();
        if (uptime.compareTo(RECENT_BOOT) < 0) {
            return CheckResult.warn("host booted " + uptime.toMinutes() + " min ago")
                    .detail("uptime_seconds", uptime.toSeconds())
                    .detail("booted_at", bootedAt)
                    .remediation("Find out why the host restarted: `journalctl --list-boots`, `last -x reboot`, "
                            + "and the previous boot's log (`journalctl -b -1 -p warning`).")
                    .build();
        }
        return CheckResult.info("up " + uptime.toDays() + " d " + uptime.toHoursPart() + " h")
                .detail("uptime_seconds", uptime.toSeconds())
                .detail("booted_at", bootedAt)
                .build();
    }

    /** {@code /proc/uptime}: seconds since boot, then idle seconds. */
    static Duration parseUptime(String line) {
        double seconds = Double.parseDouble(line.strip().split("\\s+")[0]);
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
