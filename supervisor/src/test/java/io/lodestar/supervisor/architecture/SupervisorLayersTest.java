package io.lodestar.supervisor.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The Supervisor's dependencies run one way: up the tiers of {@link SupervisorLayers}, with no cycles. */
class SupervisorLayersTest {

    private static final String ROOT = "io.lodestar.supervisor";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void packagesUseOnlyLowerTiers() {
        SupervisorLayers.layers(ROOT).check(MAIN);
    }

    @Test
    void packagesFormNoCycle() {
        SupervisorLayers.noCycles(ROOT).check(MAIN);
    }

    @Test
    void everyPackageHasItsTier() {
        Set<String> packages = MAIN.stream().map(JavaClass::getPackageName).filter(name -> name.startsWith(ROOT + "."))
                .map(name -> name.substring(ROOT.length() + 1).split("\\.")[0]).collect(Collectors.toSet());
        assertThat(SupervisorLayers.packages()).as("a new package gets a tier in SupervisorLayers.TIERS")
                .containsExactlyInAnyOrderElementsOf(packages);
    }
}
