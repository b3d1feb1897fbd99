package io.ferrum.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The application wires every module; its own features have no cycle, and the shared web layer knows none of them. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferrum.api");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.ferrum.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theSharedWebLayerKnowsNoFeature() {
        noClasses().that().resideInAPackage("io.ferrum.api.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ferrum.api.dcim..", "io.ferrum.api.ipam..",
                        "io.ferrum.api.exchange..", "io.ferrum.api.plans..", "io.ferrum.api.exports..",
                        "io.ferrum.api.cli..", "io.ferrum.api.console..", "io.ferrum.api.demo..")
                .check(classes);
    }

    @Test
    void modelsAreReachedThroughTheirServicesForWrites() {
        noClasses().that().resideInAPackage("io.ferrum.api..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a repository save or delete", call -> call.getTargetOwner().getName().startsWith("io.ferrum.model")
                                && call.getTargetOwner().getSimpleName().endsWith("Repository")
                                && call.getName().matches("save.*|delete.*")))
                .check(classes);
    }
}
