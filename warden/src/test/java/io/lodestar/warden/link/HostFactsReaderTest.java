package io.lodestar.warden.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.protocol.v1.HostFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostFactsReaderTest {

    @Test
    void memTotalIsReadInBytes() {
        List<String> meminfo = List.of("MemTotal:       16318480 kB", "MemFree:         1234 kB");

        assertThat(HostFactsReader.parseMemTotalBytes(meminfo)).isEqualTo(16_318_480L * 1024);
    }

    @Test
    void missingMemTotalIsZero() {
        assertThat(HostFactsReader.parseMemTotalBytes(List.of("MemFree: 1 kB"))).isZero();
        assertThat(HostFactsReader.parseMemTotalBytes(List.of("MemTotal: lots"))).isZero();
    }

    @Test
    void thisHostHasPlausibleFacts() {
        HostFacts facts = HostFactsReader.read();

        assertThat(facts.getHostname()).isNotBlank();
        assertThat(facts.getArch()).isNotBlank();
        assertThat(facts.getCpuCount()).isPositive();
        assertThat(facts.getMemoryBytes()).isBetween(64L * 1024 * 1024, 64L * 1024 * 1024 * 1024 * 1024);
    }
}
