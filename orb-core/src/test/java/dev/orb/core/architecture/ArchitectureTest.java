package dev.orb.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of architecture.md, enforced on orb-ports and orb-core: the core and the ports import no
 * adapter, I/O, JSON, HTTP or servlet library, never read the wall clock (time comes from the clock port), and
 * nothing that becomes an order holds a binary floating-point number.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.orb.domain", "dev.orb.ports", "dev.orb.core");
    }

    @Test
    void coreAndPortsImportNoAdapterIoJsonHttpOrServlet() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.orb.domain..", "dev.orb.ports..", "dev.orb.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.orb.adapter..", "dev.orb.sim..",
                        "dev.orb.dashboard..", "dev.orb.app..", "java.sql..", "javax.sql..", "java.net.http..",
                        "okhttp3..", "com.fasterxml..", "jakarta.servlet..", "javax.servlet..", "org.jdbi..",
                        "org.flywaydb..", "net.jacobpeterson..", "java.io..", "java.nio.file..")
                .because("the core is pure and every effect goes through a port (architecture.md)");
        rule.check(production);
    }

    @Test
    void portsDependOnTheJdkOnly() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.orb.domain..", "dev.orb.ports..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.orb.domain..", "dev.orb.ports..")
                .because("orb-ports depends on the JDK only");
        rule.check(production);
    }

    @Test
    void nothingButTheSystemClockReadsTheWallClock() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName("dev.orb.ports.SystemClock")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalTime.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .because("time comes from the OrbClock port, so backtests and tests control it");
        rule.check(production);
    }

    @Test
    void theRulesAndTheEngineUseNoRandomnessThreadsOrLogging() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.orb.core.strategy..", "dev.orb.core.risk..",
                        "dev.orb.core.metrics..", "dev.orb.core.calendar..")
                .or().haveFullyQualifiedName("dev.orb.core.session.SessionEngine")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.slf4j..")
                .because("decide(state, event) and the rules are pure: same input, same output");
        rule.check(production);
    }

    @Test
    void theRulesAndTheEngineCallNoPort() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.orb.core.strategy..", "dev.orb.core.risk..",
                        "dev.orb.core.metrics..")
                .or().haveFullyQualifiedName("dev.orb.core.session.SessionEngine")
                .should().dependOnClassesThat().resideInAnyPackage("dev.orb.ports..")
                .because("only the shell (SessionRunner) talks to ports; decide() gets everything in its events");
        rule.check(production);
    }

    @Test
    void productionCodeDoesNotDependOnTheFakes() {
        noClasses().that().resideInAnyPackage("dev.orb.core..").and().resideOutsideOfPackage("dev.orb.core.fakes..")
                .should().dependOnClassesThat().resideInAPackage("dev.orb.core.fakes..")
                .check(production);
    }

    @Test
    void noOrderValueHoldsABinaryFloatingPointNumber() {
        ArchRule rule = fields().that().areDeclaredInClassesThat().haveSimpleNameStartingWith("Order")
                .or().areDeclaredInClassesThat().haveSimpleName("Price")
                .or().areDeclaredInClassesThat().haveSimpleName("Fill")
                .or().areDeclaredInClassesThat().haveSimpleName("Position")
                .or().areDeclaredInClassesThat().haveSimpleName("Account")
                .or().areDeclaredInClassesThat().haveSimpleName("TradeRecord")
                .should().notHaveRawType(double.class).andShould().notHaveRawType(float.class)
                .andShould().notHaveRawType(Double.class).andShould().notHaveRawType(Float.class)
                .because("prices, sizes and money are exact (strategy.md §6)");
        rule.check(production);
    }
}
