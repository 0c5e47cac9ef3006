package org.shuzhi.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house (STYLE.md, issue 15): no package cycle and no arrow up. From the bottom: {@code pipeline.io} and
 * {@code pipeline.model}; the engine's stage packages ({@code dict}, {@code profile}, {@code clean}, {@code segment},
 * {@code structure}, {@code classify}, {@code score}, {@code assess}, {@code compare} …); {@code pipeline.run}, the run
 * engine; {@code pipeline.harness} (benchmarks, evaluations, training); the {@code index} module; the {@code app}
 * module. A package may import those below it, never those above.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.shuzhi");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.shuzhi.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theEngineStagesDoNotImportTheRunOrTheHarness() {
        noClasses().that().resideInAPackage("org.shuzhi.pipeline..")
                .and().resideOutsideOfPackages("org.shuzhi.pipeline.run..", "org.shuzhi.pipeline.harness..")
                .should().dependOnClassesThat().resideInAnyPackage("org.shuzhi.pipeline.run..",
                        "org.shuzhi.pipeline.harness..")
                .check(classes);
    }

    @Test
    void theRunDoesNotImportTheHarness() {
        noClasses().that().resideInAPackage("org.shuzhi.pipeline.run..")
                .should().dependOnClassesThat().resideInAPackage("org.shuzhi.pipeline.harness..").check(classes);
    }

    @Test
    void thePipelineImportsNeitherTheIndexNorTheApp() {
        noClasses().that().resideInAPackage("org.shuzhi.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("org.shuzhi.index..", "org.shuzhi.app..")
                .check(classes);
        noClasses().that().resideInAPackage("org.shuzhi.index..")
                .should().dependOnClassesThat().resideInAPackage("org.shuzhi.app..").check(classes);
    }

    @Test
    void theModelAndTheFileHelpersImportNoOtherPackage() {
        noClasses().that().resideInAnyPackage("org.shuzhi.pipeline.model..", "org.shuzhi.pipeline.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.shuzhi.pipeline.dict..",
                        "org.shuzhi.pipeline.profile..", "org.shuzhi.pipeline.clean..", "org.shuzhi.pipeline.segment..",
                        "org.shuzhi.pipeline.structure..", "org.shuzhi.pipeline.classify..",
                        "org.shuzhi.pipeline.score..", "org.shuzhi.pipeline.assess..", "org.shuzhi.pipeline.compare..",
                        "org.shuzhi.pipeline.extract..", "org.shuzhi.pipeline.meta..", "org.shuzhi.pipeline.run..")
                .check(classes);
    }
}
