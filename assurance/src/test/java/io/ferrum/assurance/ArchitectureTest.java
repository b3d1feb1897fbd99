package io.ferrum.assurance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Assurance reads the intent model and talks to devices through provisioning's drivers only, never through its
 * pipelines or the modules above. The rules hold before the module has code, so it grows inside them.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferrum.assurance");

    @Test
    void usesProvisioningsDriversOnly() {
        noClasses().should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("provisioning outside its drivers",
                                c -> c.getPackageName().startsWith("io.ferrum.provisioning")
                                        && !c.getPackageName().startsWith("io.ferrum.provisioning.driver")))
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void dependsOnNoModuleAboveIt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.ferrum.standards..", "io.ferrum.exporters..",
                "io.ferrum.api..").allowEmptyShould(true).check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.ferrum.assurance.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }
}
