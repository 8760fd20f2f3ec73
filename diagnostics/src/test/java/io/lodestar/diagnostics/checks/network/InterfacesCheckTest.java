package io.lodestar.diagnostics.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class InterfacesCheckTest {

    private static final String HEADER = "Inter-|   Receive                                                |  Transmit\n"
            + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n";

    private static FakeHost host(long errors) {
        return new FakeHost().file("/proc/net/dev", HEADER
                        + "    lo: 1000 10 0 0 0 0 0 0 1000 10 0 0 0 0 0 0\n"
                        + "  eth0: 900000 5000 " + errors + " 0 0 0 0 0 800000 5000 0 0 0 0 0 0\n")
                .file("/sys/class/net/eth0/operstate", "up\n").file("/sys/class/net/eth0/mtu", "1500\n");
    }

    @Test
    void parsesPacketsErrorsAndDropsBothDirections() {
        var counters = InterfacesCheck.parseNetDev(host(3).read("/proc/net/dev").orElseThrow().lines().toList());
        assertThat(counters).extracting(InterfacesCheck.Counters::name).containsExactly("lo", "eth0");
        assertThat(counters.get(1).packets()).isEqualTo(10_000);
        assertThat(counters.get(1).errors()).isEqualTo(3);
    }

    @Test
    void errorsUpToOnePerThousandPacketsPass() {
        var result = new InterfacesCheck().run(Contexts.of(host(10)));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.details().get("eth0")).startsWith("up, mtu 1500");
    }

    @Test
    void moreErrorsWarn() {
        assertThat(new InterfacesCheck().run(Contexts.of(host(11))).status()).isEqualTo(Status.WARN);
    }
}
