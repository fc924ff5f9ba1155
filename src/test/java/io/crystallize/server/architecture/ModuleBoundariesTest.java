package io.crystallize.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What {@link ModularityTests} cannot say: the engine and the statistics are plain Java (no Spring, JPA or Jackson).
 * Their {@code package-info} may carry Spring Modulith's {@code @NamedInterface}, an annotation that declares a
 * module's API and needs nothing at run time.
 */
class ModuleBoundariesTest {

    private static final String ROOT = "io.crystallize.server";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void theEngineIsPlainJava() {
        noClasses().that().resideInAPackage(ROOT + ".engine..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "tools.jackson..", ROOT + ".experiment..", ROOT + ".run..", ROOT + ".catalog..",
                        ROOT + ".analysis..", ROOT + ".artifact..", ROOT + ".web..", ROOT + ".problem..")
                .check(classes);
    }

    @Test
    void theStatisticsArePlainJavaOnTheEngineSpi() {
        noClasses().that().resideInAPackage(ROOT + ".analysis..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        ROOT + ".experiment..", ROOT + ".run..", ROOT + ".catalog..", ROOT + ".web..")
                .check(classes);
    }

    @Test
    void definitionsDoNotKnowRuns() {
        noClasses().that().resideInAnyPackage(ROOT + ".experiment..", ROOT + ".catalog..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".run..")
                .check(classes);
    }
}
