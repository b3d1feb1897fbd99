package io.ferrum.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The whole module graph, checked where every module is on the class path: dependencies point one way, from the
 * application down to the intent model (assurance may use provisioning's drivers); modules react to each other
 * through events. The application's own features have no cycle, and its shared web layer knows none of them.
 */
class ArchitectureTest {

    private final JavaClasses everything = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferrum");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferrum.api");

    @Test
    void modulesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("application").definedBy("io.ferrum", "io.ferrum.api..")
                .layer("assurance").definedBy("io.ferrum.assurance..")
                .layer("provisioning").definedBy("io.ferrum.provisioning..")
                .layer("exporters").definedBy("io.ferrum.exporters..")
                .layer("standards").definedBy("io.ferrum.standards..")
                .layer("intent-model").definedBy("io.ferrum.model..")
                .whereLayer("application").mayNotBeAccessedByAnyLayer()
                .whereLayer("assurance").mayOnlyBeAccessedByLayers("application")
                .whereLayer("exporters").mayOnlyBeAccessedByLayers("application")
                .whereLayer("provisioning").mayOnlyBeAccessedByLayers("application", "assurance")
                .whereLayer("standards").mayOnlyBeAccessedByLayers("application")
                .withOptionalLayers(true)
                .check(everything);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("io.ferrum.(*)..").should().beFreeOfCycles().check(everything);
    }

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
