package io.lodestar.supervisor.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

/** The rules of {@link SupervisorLayers} catch a lower package that uses a higher one, and only that. */
class LayerRuleFixtureTest {

    private static final String SOUND = "io.lodestar.supervisor.architecture.fixture.sound";
    private static final String BROKEN = "io.lodestar.supervisor.architecture.fixture.broken";

    @Test
    void aHigherPackageUsingALowerOnePasses() {
        JavaClasses classes = new ClassFileImporter().importPackages(SOUND);
        assertThat(SupervisorLayers.layers(SOUND).evaluate(classes).hasViolation()).isFalse();
        assertThat(SupervisorLayers.noCycles(SOUND).evaluate(classes).hasViolation()).isFalse();
    }

    @Test
    void commonUsingLinkIsReportedAsALayerViolation() {
        EvaluationResult result = SupervisorLayers.layers(BROKEN).evaluate(new ClassFileImporter().importPackages(BROKEN));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(BROKEN + ".common.Word").contains(BROKEN + ".link.Edge"));
    }

    @Test
    void twoPackagesUsingEachOtherAreReportedAsACycle() {
        EvaluationResult result = SupervisorLayers.noCycles(BROKEN).evaluate(new ClassFileImporter().importPackages(BROKEN));
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("Cycle detected");
    }
}
