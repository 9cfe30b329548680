package dev.orb.adapter.alpaca;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The adapter depends inward only and reads time only through the clock port. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.orb.adapter.alpaca");

    @Test
    void dependsOnPortsNotOnCore() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.orb.core..").check(MAIN);
    }

    @Test
    void readsNoAmbientTime() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(MAIN);
    }

    @Test
    void publicPackageDoesNotExposeAlpacaJavaModels() {
        noClasses().that().resideInAPackage("dev.orb.adapter.alpaca").and().arePublic()
                .should().dependOnClassesThat().resideInAPackage("net.jacobpeterson.alpaca.model.endpoint.orders..")
                .check(MAIN);
    }
}
