package io.lodestar.diagnostics.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class TcpRetransmitsCheckTest {

    private static Status retrans(long segments) {
        String snmp = "Ip: Forwarding DefaultTTL\nIp: 1 64\n"
                + "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors\n"
                + "Tcp: 1 200 120000 -1 100 50 0 0 5 20000 10000 " + segments + " 0 0 0\n";
        return new TcpRetransmitsCheck().run(Contexts.of(new FakeHost().file("/proc/net/snmp", snmp))).status();
    }

    @Test
    void onePercentPassesMoreWarns() {
        assertThat(retrans(100)).isEqualTo(Status.PASS);
        assertThat(retrans(101)).isEqualTo(Status.WARN);
    }
}
