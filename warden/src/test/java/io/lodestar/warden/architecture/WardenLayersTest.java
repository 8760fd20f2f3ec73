package io.lodestar.warden.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Warden's own classes keep to its layers (see {@link WardenLayers}). */
class WardenLayersTest {

    private static final String ROOT = "io.lodestar.warden";

    private static JavaClasses warden;

    @BeforeAll
    static void importTheWarden() {
        warden = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void lowerPackagesNeverUseHigherOnes() {
        WardenLayers.layersRunOneWay(ROOT).check(warden);
    }

    @Test
    void noPackagesFormACycle() {
        WardenLayers.noCycles(ROOT).check(warden);
    }
}
