package io.ferrum.assurance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Assurance reads the intent and observes devices through provisioning's drivers only (never its pipelines or kill
 * switch), and reacts to other modules through events rather than calling up into the application. The module has
 * no code yet; the rules allow that, and hold the line for what comes.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferrum.assurance");

    @Test
    void usesProvisioningDriversOnly() {
        noClasses().should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "provisioning classes outside io.ferrum.provisioning.driver",
                        c -> c.getPackageName().startsWith("io.ferrum.provisioning")
                                && !c.getPackageName().startsWith("io.ferrum.provisioning.driver")))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void dependsOnNoModuleAboveIt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.ferrum.api..", "io.ferrum.exporters..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.ferrum.assurance.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }
}
