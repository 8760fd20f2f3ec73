package io.lodestar.diagnostics.checks.time;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.util.Optional;

/** The host's time zone, so log timestamps from different nodes can be lined up. */
public final class TimezoneCheck extends AbstractCheck {

    public TimezoneCheck() {
        super("time.timezone", "Time zone", Category.TIME);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<String> zone = context.host().value("/etc/timezone")
                .or(() -> context.host().readLink("/etc/localtime").flatMap(TimezoneCheck::zoneFromLink));
        String now = context.clock().instant().toString();
        return zone.map(z -> CheckResult.info("time zone " + z).detail("zone", z).detail("now_utc", now).build())
                .orElseGet(() -> CheckResult.info("no time zone configured: UTC").detail("zone", "UTC (default)")
                        .detail("now_utc", now).build());
    }

    /** {@code /etc/localtime -> /usr/share/zoneinfo/Europe/Paris} names the zone. */
    static Optional<String> zoneFromLink(String target) {
        int at = target.indexOf("zoneinfo/");
        return at < 0 ? Optional.empty() : Optional.of(target.substring(at + "zoneinfo/".length()));
    }
}
