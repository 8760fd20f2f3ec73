package io.lodestar.diagnostics.checks.network;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Interface state, MTU, and error/drop rates from {@code /proc/net/dev} and {@code /sys/class/net}. */
public final class InterfacesCheck extends AbstractCheck {

    /** Errors or drops above one packet in a thousand point at a bad link, driver or full ring buffer. */
    static final double WARN_ERROR_RATIO = 0.001;

    public InterfacesCheck() {
        super("net.interfaces", "Network interfaces", Category.NETWORK);
    }

    record Counters(String name, long packets, long errors, long drops) {
        double badRatio() {
            return packets == 0 ? 0 : (double) (errors + drops) / packets;
        }
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<List<String>> dev = context.host().lines("/proc/net/dev");
        if (dev.isEmpty()) {
            return CheckResult.skip("/proc/net/dev is not readable");
        }
        Map<String, String> details = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        int up = 0;
        for (Counters c : parseNetDev(dev.get())) {
            String state = context.host().value("/sys/class/net/" + c.name() + "/operstate").orElse("unknown");
            String mtu = context.host().value("/sys/class/net/" + c.name() + "/mtu").orElse("?");
            up += state.equals("up") || c.name().equals("lo") ? 1 : 0;
            details.put(c.name(), state + ", mtu " + mtu + ", " + c.packets() + " packets, " + c.errors() + " errors, " + c.drops() + " drops");
            if (c.badRatio() > WARN_ERROR_RATIO) {
                bad.add(c.name() + " (" + Sizes.percent(c.badRatio()) + " errors+drops)");
            }
        }
        CheckResult.Builder result = bad.isEmpty()
                ? CheckResult.pass(details.size() + " interface(s), " + up + " up, error and drop rates normal")
                : CheckResult.warn("high error/drop rate on " + String.join(", ", bad))
                        .remediation("Inspect with `ip -s link` and `ethtool -S <iface>`: errors point at cabling, NIC or "
                                + "driver; drops at full receive rings (`ethtool -G <iface> rx 4096`) or a saturated CPU.");
        return result.details(details).build();
    }

    /** {@code iface: rx_bytes rx_packets rx_errs rx_drop ... tx_bytes tx_packets tx_errs tx_drop ...}, after two header lines. */
    static List<Counters> parseNetDev(List<String> lines) {
        List<Counters> counters = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) {
                continue;
            }
            String[] f = line.substring(colon + 1).strip().split("\\s+");
            long packets = Long.parseLong(f[1]) + Long.parseLong(f[9]);
            long errors = Long.parseLong(f[2]) + Long.parseLong(f[10]);
            long drops = Long.parseLong(f[3]) + Long.parseLong(f[11]);
            counters.add(new Counters(line.substring(0, colon).strip(), packets, errors, drops));
        }
        return counters;
    }
}
