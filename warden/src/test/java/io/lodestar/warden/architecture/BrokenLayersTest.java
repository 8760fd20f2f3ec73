package io.lodestar.warden.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules fail where they should: a small fixture laid out like the Warden
 * ({@code io.lodestar.warden.archfixture}) in which one lower package, {@code runtime}, uses a
 * higher one, {@code link}.
 */
class BrokenLayersTest {

    private static final String ROOT = "io.lodestar.warden.archfixture";

    private static JavaClasses fixture;

    @BeforeAll
    static void importTheFixture() {
        fixture = new ClassFileImporter().importPackages(ROOT);
    }

    @Test
    void aLowerPackageUsingAHigherOneIsReportedAndNothingElse() {
        EvaluationResult result = WardenLayers.layersRunOneWay(ROOT).evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(line -> line.contains(ROOT + ".runtime.Driver") && line.contains(ROOT + ".link.Session"), "names Driver and Session");
    }

    @Test
    void theCircleItMakesIsReported() {
        EvaluationResult result = WardenLayers.noCycles(ROOT).evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("Cycle detected").contains("runtime").contains("link");
    }
}
