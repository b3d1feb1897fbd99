package io.ferrum.exporters;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Exporters work from SiteInventory values only: no database, no framework, no feature cycles. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferrum.exporters");

    @Test
    void noDatabaseOrFrameworkAccess() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.persistence..", "org.springframework..", "java.sql..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void readsOnlyTheInventoryReadModelOfIntentModel() {
        noClasses().should().dependOnClassesThat(
                        DescribedPredicate.describe("intent-model classes outside the read model",
                                c -> c.getPackageName().startsWith("io.ferrum.model")
                                        && !c.getPackageName().matches("io\\.ferrum\\.model\\.(inventory|dcim|ipam|exchange|common)")))
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.ferrum.exporters.(*)..").should().beFreeOfCycles().check(classes);
    }
}
