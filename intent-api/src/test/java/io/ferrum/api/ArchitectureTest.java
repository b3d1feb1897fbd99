package io.ferrum.api;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The whole application's module graph, checked where every module is on the class path: dependencies point one
 * way, from the application down to the intent model; modules react to each other through events in the publishing
 * module (so a listener names the publisher, never the reverse).
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferrum");

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
                .whereLayer("standards").mayOnlyBeAccessedByLayers("application", "provisioning", "assurance")
                .withOptionalLayers(true)
                .check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("io.ferrum.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void applicationFeaturePackagesHaveNoCycles() {
        slices().matching("io.ferrum.api.(*)..").should().beFreeOfCycles().check(classes);
    }
}
