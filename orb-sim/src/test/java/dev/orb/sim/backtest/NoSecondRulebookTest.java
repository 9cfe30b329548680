package dev.orb.sim.backtest;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.orb.core.session.SessionEngine;
import dev.orb.core.strategy.Candidate;
import dev.orb.core.strategy.OrderPlanner;
import dev.orb.core.strategy.RelativeVolume;
import dev.orb.core.strategy.Scanner;
import dev.orb.core.strategy.Selection;
import dev.orb.domain.Fill;
import dev.orb.domain.Order;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.TradeRecord;
import dev.orb.ports.Broker;

/**
 * The backtest has no rulebook of its own: every decision to trade comes from the live session engine.
 * The backtest package never touches the scan, ranking, RVOL, order planning or risk checks itself; it never
 * submits an order (only the engine's {@link dev.orb.core.session.SessionRunner} does); only the
 * {@link SimulatedBroker} creates orders and fills (answering the engine), and nobody but the engine creates a trade
 * record.
 */
class NoSecondRulebookTest {
    private static JavaClasses sim;

    @BeforeAll
    static void importClasses() {
        sim = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.orb.sim");
    }

    @Test
    void backtestNeverCallsTheScanRankingSizingOrRiskRulesDirectly() {
        noClasses().that().resideInAnyPackage("dev.orb.sim.backtest..", "dev.orb.sim.report..")
                .should().dependOnClassesThat().belongToAnyOf(OrderPlanner.class, Selection.class,
                        RelativeVolume.class, Scanner.class, Candidate.class)
                .orShould().dependOnClassesThat().resideInAPackage("dev.orb.core.risk..")
                .because("the session engine is the only place that decides what to trade (backtest = live)")
                .check(sim);
    }

    @Test
    void backtestNeverDecidesOnItsOwn_onlyTheSessionRunnerCallsTheEngine() {
        noClasses().that().resideInAPackage("dev.orb.sim..")
                .should().callMethodWhere(describe("SessionEngine.decide",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(SessionEngine.class)
                                && call.getName().equals("decide")))
                .because("events go through SessionRunner.feed, as in live trading")
                .check(sim);
    }

    @Test
    void nothingInOrbSimSubmitsAnOrder_theEngineDoes() {
        noClasses().that().resideInAPackage("dev.orb.sim..")
                .should().callMethodWhere(describe("Broker.submit",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(Broker.class)
                                && call.getName().equals("submit")))
                .because("only the engine's SessionRunner sends orders")
                .check(sim);
    }

    @Test
    void onlyTheSimulatedBrokerCreatesOrdersIntentsAndFills() {
        noClasses().that().resideInAPackage("dev.orb.sim.backtest..").and().doNotHaveSimpleName("SimulatedBroker")
                .should().callConstructorWhere(describe("a constructor of an order, intent, request or fill",
                        (JavaConstructorCall call) -> call.getTargetOwner().isAssignableTo(OrderIntent.class)
                                || call.getTargetOwner().isAssignableTo(OrderRequest.class)
                                || call.getTargetOwner().isAssignableTo(Order.class)
                                || call.getTargetOwner().isAssignableTo(Fill.class)))
                .because("orders come from the engine and fills from the broker answering it")
                .check(sim);
    }

    @Test
    void tradesComeFromTheEngine_neverBuiltInTheBacktest() {
        noClasses().that().resideInAnyPackage("dev.orb.sim.backtest..", "dev.orb.sim.report..")
                .should().callConstructorWhere(describe("a TradeRecord constructor",
                        (JavaConstructorCall call) -> call.getTargetOwner().isAssignableTo(TradeRecord.class)))
                .because("the trades of a backtest are the engine's closed trades")
                .check(sim);
    }
}
