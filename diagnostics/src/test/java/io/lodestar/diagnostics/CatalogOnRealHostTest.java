package io.lodestar.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every registered check against this machine: results for all, no throws, no hangs. Asserts ranges, not values. */
class CatalogOnRealHostTest {

    @Test
    void everyCheckReturnsAResultOnThisHostWithinItsBound() {
        HostContext context = HostContext.builder().build();
        long started = System.nanoTime();
        List<Finding> findings = new CatalogRunner().run(CheckCatalog.all(), context);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        findings.forEach(f -> System.out.printf("%-32s %-5s %6d ms  %s%n", f.id(), f.status().label(),
                f.elapsed().toMillis(), f.result().summary()));
        assertThat(findings).hasSizeGreaterThanOrEqualTo(30).hasSize(CheckCatalog.ids().size());
        assertThat(findings).extracting(Finding::id).containsExactlyElementsOf(CheckCatalog.ids());
        assertThat(findings).allSatisfy(f -> assertThat(f.result().summary()).isNotBlank());
        assertThat(findings).filteredOn(f -> f.status() == Status.ERROR).isEmpty();
        assertThat(took).isLessThan(CatalogRunner.DEFAULT_TIMEOUT.multipliedBy(3));
    }
}
