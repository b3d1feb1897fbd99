package io.ferrum.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The intent model is the bottom of the module graph: it names no other Ferrum module, and its features form no cycle. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferrum.model");

    @Test
    void dependsOnNoOtherFerrumModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.ferrum.standards..", "io.ferrum.exporters..",
                        "io.ferrum.provisioning..", "io.ferrum.assurance..", "io.ferrum.api..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.ferrum.model.(*)..").should().beFreeOfCycles().check(classes);
    }
}
