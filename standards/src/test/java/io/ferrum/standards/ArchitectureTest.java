package io.ferrum.standards;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Standards build on the intent model only; the SPI names no implementation (built-in standards are found through
 * {@code META-INF/services} like anyone's), and feature packages form no cycle.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferrum.standards");

    @Test
    void dependsOnTheIntentModelOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.ferrum.exporters..",
                        "io.ferrum.provisioning..", "io.ferrum.assurance..", "io.ferrum.api..")
                .check(classes);
    }

    @Test
    void spiNamesNoImplementation() {
        noClasses().that().resideInAPackage("io.ferrum.standards.spi..")
                .should().dependOnClassesThat().resideInAPackage("io.ferrum.standards.builtin..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.ferrum.standards.(*)..").should().beFreeOfCycles().check(classes);
    }
}
