package io.lodestar.diagnostics.checks.time;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.os.VirtualizationCheck;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Clock synchronisation. Without running chronyc/timedatectl we can only see some evidence:
 * the offset the Supervisor link measured, systemd-timesyncd's "synchronized" flag, or a sync
 * daemon running. The result says which evidence it used.
 */
public final class TimeSyncCheck extends AbstractCheck {

    static final Duration WARN_OFFSET = Duration.ofMillis(500);
    static final String TIMESYNCD_FLAG = "/run/systemd/timesync/synchronized";
    static final List<String> DAEMONS = List.of("chronyd", "ntpd", "systemd-timesyn", "openntpd", "ntpsec");

    public TimeSyncCheck() {
        super("time.sync", "Clock synchronisation", Category.TIME);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Duration> offset = context.link().flatMap(l -> l.measuredClockOffset());
        if (offset.isPresent() && offset.get().abs().compareTo(WARN_OFFSET) > 0) {
            return CheckResult.warn("clock is " + offset.get().toMillis() + " ms off the Supervisor's")
                    .detail("supervisor_offset_ms", offset.get().toMillis())
                    .remediation("Enable time synchronisation (`timedatectl set-ntp true`, or install chrony) and check "
                            + "`chronyc tracking` / `timedatectl timesync-status`.")
                    .build();
        }
        String offsetNote = offset.map(o -> "; " + o.toMillis() + " ms off the Supervisor").orElse("");
        if (context.host().exists(TIMESYNCD_FLAG)) {
            return CheckResult.pass("systemd-timesyncd reports the clock synchronised" + offsetNote)
                    .detail("evidence", TIMESYNCD_FLAG).build();
        }
        Optional<String> daemon = DAEMONS.stream().filter(d -> !context.probe().processesNamed(d).isEmpty()).findFirst();
        if (daemon.isPresent()) {
            return CheckResult.info(daemon.get() + " is running; its sync state needs its own client to read" + offsetNote)
                    .detail("evidence", daemon.get() + " process").build();
        }
        if (VirtualizationCheck.detectContainer(context.host()).isPresent()) {
            return CheckResult.skip("in a container the clock is the host's; check synchronisation on the host");
        }
        return CheckResult.warn("no time synchronisation daemon found and no synchronised flag" + offsetNote)
                .remediation("Install and enable chrony (`apt install chrony` / `dnf install chrony`) or "
                        + "`timedatectl set-ntp true`: Iggy timestamps and token expiry depend on the clock.")
                .build();
    }
}
