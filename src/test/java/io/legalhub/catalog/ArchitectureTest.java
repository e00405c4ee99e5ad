package io.legalhub.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package boundaries that keep the hub honest, checked rather than hoped for. */
class ArchitectureTest {

    private static JavaClasses hub;

    @BeforeAll
    static void importHub() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.legalhub");
    }

    @Test
    void theHubReachesTheSandboxOnlyOverHttpExceptForTheEmbeddedLauncher() {
        noClasses().that().resideOutsideOfPackages("io.legalhub.sandbox..", "io.legalhub.embedded..")
                .and().doNotHaveFullyQualifiedName("io.legalhub.LegalHubApplication")
                .should().dependOnClassesThat().resideInAPackage("io.legalhub.sandbox..")
                .check(hub);
    }

    @Test
    void theSandboxIsPlainJavaAndKnowsNothingOfTheHub() {
        noClasses().that().resideInAPackage("io.legalhub.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.legalhub.deadletter..", "io.legalhub.delivery..",
                        "io.legalhub.canonical..", "io.legalhub.ingress..", "io.legalhub.console..", "io.legalhub.systems..")
                .check(hub);
    }

    @Test
    void nothingDependsOnTheConsole() {
        noClasses().that().resideOutsideOfPackage("io.legalhub.console..")
                .should().dependOnClassesThat().resideInAPackage("io.legalhub.console..")
                .check(hub);
    }

    @Test
    void theCliTalksToTheHubOnlyThroughItsApi() {
        noClasses().that().resideInAPackage("io.legalhub.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.legalhub.deadletter..", "io.legalhub.delivery..",
                        "io.legalhub.journal..", "org.springframework..", "org.apache.camel..")
                .check(hub);
    }
}
