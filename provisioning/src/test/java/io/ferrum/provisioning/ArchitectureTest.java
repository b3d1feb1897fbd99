package io.ferrum.provisioning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Drivers speak protocols to devices and know nothing of the intent, so assurance can use them and they can be tested
 * against bare daemons; provisioning never reaches up into the application.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferrum.provisioning");

    @Test
    void driversDoNotDependOnTheIntentModel() {
        noClasses().that().resideInAPackage("io.ferrum.provisioning.driver..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ferrum.model..", "io.ferrum.standards..",
                        "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void snmp4jStaysInsideTheSnmpDriver() {
        noClasses().that().resideOutsideOfPackage("io.ferrum.provisioning.driver.snmp")
                .should().dependOnClassesThat().resideInAPackage("org.snmp4j..")
                .check(classes);
    }

    @Test
    void theSnmpDriversPublicApiSpeaksFerrumRecords() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods().that().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage("io.ferrum.provisioning.driver.snmp")
                .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("no snmp4j type",
                        (com.tngtech.archunit.core.domain.JavaClass t) -> !t.getPackageName().startsWith("org.snmp4j")))
                .check(classes);
    }

    @Test
    void dependsOnNoModuleAboveIt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.ferrum.api..", "io.ferrum.assurance..",
                        "io.ferrum.exporters..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.ferrum.provisioning.(**)").should().beFreeOfCycles().check(classes);
    }
}
