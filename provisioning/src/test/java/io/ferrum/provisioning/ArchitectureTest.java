package io.ferrum.provisioning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Drivers speak protocols and nothing else: no intent model, no database, no Spring, so assurance and the kill
 * switch can use them anywhere. Provisioning builds on the intent model, never on the modules above it.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferrum.provisioning");

    @Test
    void driversDoNotDependOnTheIntentModelOrADatabase() {
        noClasses().that().resideInAPackage("io.ferrum.provisioning.driver..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ferrum.model..", "jakarta.persistence..",
                        "org.springframework..", "java.sql..", "org.hibernate..")
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
        methods().that().arePublic().and().areDeclaredInClassesThat()
                .resideInAPackage("io.ferrum.provisioning.driver.snmp")
                .should().haveRawReturnType(DescribedPredicate.describe("no snmp4j type",
                        (JavaClass t) -> !t.getPackageName().startsWith("org.snmp4j")))
                .check(classes);
    }

    @Test
    void dependsOnNoModuleAboveIt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.ferrum.standards..", "io.ferrum.exporters..",
                "io.ferrum.assurance..", "io.ferrum.api..").check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.ferrum.provisioning.(**)").should().beFreeOfCycles().check(classes);
    }
}
