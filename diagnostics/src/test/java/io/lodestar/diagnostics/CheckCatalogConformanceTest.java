package io.lodestar.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every registered check honours the metadata rules the report and docs depend on. */
class CheckCatalogConformanceTest {

    @Test
    void registryKeysAreTheChecksOwnIds() {
        for (Map.Entry<String, Supplier<Check>> entry : CheckCatalog.factories().entrySet()) {
            assertThat(entry.getValue().get().id()).as("factory registered under %s", entry.getKey()).isEqualTo(entry.getKey());
        }
    }

    @Test
    void idsAreUniqueAndNamedCategoryDotName() {
        List<Check> checks = CheckCatalog.all();
        Set<String> seen = new HashSet<>();
        for (Check check : checks) {
            assertThat(seen.add(check.id())).as("duplicate id %s", check.id()).isTrue();
            assertThat(check.id()).matches("[a-z]+(\\.[a-z0-9_]+)+");
            assertThat(check.id()).startsWith(check.category().idPrefix() + ".");
        }
    }

    @Test
    void everyCheckHasATitleAndAKnownCategory() {
        for (Check check : CheckCatalog.all()) {
            assertThat(check.title()).as(check.id()).isNotBlank();
            assertThat(check.category()).as(check.id()).isIn((Object[]) Category.values());
        }
    }

    @Test
    void catalogHasAtLeastThirtyChecksCoveringEveryCategory() {
        List<Check> checks = CheckCatalog.all();
        assertThat(checks).hasSizeGreaterThanOrEqualTo(30);
        assertThat(checks.stream().map(Check::category).distinct()).containsExactlyInAnyOrder(Category.values());
    }

    @Test
    void factoriesBuildFreshInstances() {
        Supplier<Check> factory = CheckCatalog.factories().get("kernel.max_map_count");
        assertThat(factory.get()).isNotSameAs(factory.get());
    }
}
