package io.lodestar.diagnostics.checks.network;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sizes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Retransmitted share of TCP segments since boot, from {@code /proc/net/snmp}: loss or congestion on the path. */
public final class TcpRetransmitsCheck extends AbstractCheck {

    static final double WARN_RATIO = 0.01;

    public TcpRetransmitsCheck() {
        super("net.tcp_retransmits", "TCP retransmissions", Category.NETWORK);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Map<String, Long>> tcp = context.host().lines("/proc/net/snmp").map(TcpRetransmitsCheck::parseTcp);
        if (tcp.isEmpty() || !tcp.get().containsKey("OutSegs")) {
            return CheckResult.skip("/proc/net/snmp is not readable");
        }
        long out = tcp.get().get("OutSegs");
        long retrans = tcp.get().getOrDefault("RetransSegs", 0L);
        double ratio = out == 0 ? 0 : (double) retrans / out;
        String summary = retrans + " of " + out + " segments retransmitted since boot (" + Sizes.percent(ratio) + ")";
        CheckResult.Builder result = ratio > WARN_RATIO
                ? CheckResult.warn(summary).remediation("Look for packet loss between this node and its clients or peers "
                        + "(`mtr <peer>`, `netstat -s | grep -i retrans`), interface errors (net.interfaces) and MTU mismatches.")
                : CheckResult.pass(summary);
        return result.detail("out_segments", out).detail("retransmitted", retrans).build();
    }

    /** The Tcp section is a header line of names followed by a line of values. */
    static Map<String, Long> parseTcp(List<String> lines) {
        Map<String, Long> values = new HashMap<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("Tcp:") && lines.get(i + 1).startsWith("Tcp:")) {
                String[] names = lines.get(i).split("\\s+");
                String[] numbers = lines.get(i + 1).split("\\s+");
                for (int f = 1; f < Math.min(names.length, numbers.length); f++) {
                    values.put(names[f], Long.parseLong(numbers[f]));
                }
                break;
            }
        }
        return values;
    }
}
