package dev.orb.core.live;

import static dev.orb.core.live.LiveFixture.ny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import dev.orb.core.session.EngineEvent;
import dev.orb.domain.InvalidValueException;

class LiveSchedulerTest {
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 12);

    @Test
    void comingUpMidSession_startsItAtOnce_notAtTheNextTick() {
        LiveFixture f = new LiveFixture(ny(TUESDAY, 11, 0, 7), LiveConfig.defaults()).twoCandidates(TUESDAY);
        LiveScheduler scheduler = f.scheduler();
        scheduler.runDue();
        assertThat(f.events(EngineEvent.SessionOpened.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(ny(TUESDAY, 11, 0, 7)));
        assertThat(scheduler.nextTask().at()).isEqualTo(ny(TUESDAY, 11, 0, 15));
    }

    @Test
    void comingUpAfterTheClose_waitsForTheNightlySync() {
        LiveFixture f = LiveFixture.at(TUESDAY, 16, 10);
        LiveScheduler scheduler = f.scheduler();
        scheduler.runDue();
        assertThat(f.daysMade).isEmpty();
        assertThat(scheduler.nextTask().kind()).isEqualTo(TaskKind.NIGHTLY_SYNC);
    }

    @Test
    void aClockJump_runsEveryOverdueFixedTask_butOnlyTheLatestTickOfEachKind() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 0).twoCandidates(TUESDAY);
        LiveScheduler scheduler = f.scheduler();
        scheduler.runDue();
        assertThat(f.daysMade).isEmpty();

        f.clock.set(ny(TUESDAY, 12, 0, 20)); // the host slept through the morning
        scheduler.runDue();
        TradingDay day = scheduler.currentDay().orElseThrow();
        assertThat(day.lastScan().orElseThrow().status()).isEqualTo(ScanOutcome.Status.LATE_START);
        // the start's reconciliation, then the 12:00:00 tick; the 12:00:15 refresh (not superseded) feeds the account
        assertThat(f.events(EngineEvent.Reconciled.class)).hasSize(2);
        assertThat(f.events(EngineEvent.AccountUpdated.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(ny(TUESDAY, 12, 0, 20)));
    }

    @Test
    void aNightlySyncThatThrows_isLogged_andTheNextSessionStillStarts() {
        LiveFixture f = LiveFixture.at(TUESDAY, 16, 0);
        LiveScheduler scheduler = LiveScheduler.builder(f.plan, f.clock, f.days()::build)
                .nightlySync(s -> {
                    throw new IllegalStateException("sync failed");
                }).build();
        f.advance(scheduler, TUESDAY.plusDays(1), 9, 20, 0);
        assertThat(scheduler.currentDay().orElseThrow().session().date()).isEqualTo(TUESDAY.plusDays(1));
    }

    @Test
    void advanceTo_refusesAClockThatDoesNotMove() {
        LiveFixture f = LiveFixture.at(TUESDAY, 8, 0);
        LiveScheduler scheduler = f.scheduler();
        assertThatThrownBy(() -> scheduler.advanceTo(ny(TUESDAY, 10, 0, 0), t -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("moveClock");
    }

    @Test
    void configurationMistakes_areRefused() {
        LiveFixture f = LiveFixture.at(TUESDAY, 8, 0);
        assertThatThrownBy(() -> LiveScheduler.builder(f.plan, f.clock, f.days()::build).maxSleep(Duration.ZERO))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxSleep");
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try (LiveScheduler scheduler = f.scheduler()) {
            scheduler.start(executor);
            assertThatThrownBy(() -> scheduler.start(executor)).isInstanceOf(IllegalStateException.class);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void realTime_runsTheScanWhenTheClockReachesItsInstant_andStopsOnClose() throws InterruptedException {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 35).twoCandidates(TUESDAY);
        LiveScheduler scheduler = LiveScheduler.builder(f.plan, f.clock, f.days()::build)
                .maxSleep(Duration.ofMillis(5)).build();
        scheduler.start();
        try {
            await(() -> scheduler.currentDay().map(d -> d.status() == DayStatus.RUNNING).orElse(false));
            assertThat(f.market.submitCalls()).isEmpty();

            f.clock.set(ny(TUESDAY, 9, 35, 20));
            await(() -> f.entrySubmits() == 2);
            assertThat(f.events(EngineEvent.ScanReady.class).get(0).at()).isEqualTo(ny(TUESDAY, 9, 35, 20));
        } finally {
            scheduler.close();
        }
        assertThat(scheduler.currentDay()).isEmpty();
        int seen = f.events.size();
        f.clock.set(ny(TUESDAY, 15, 56, 0));
        Thread.sleep(50); // a tick that would still run would feed EOD within a few of its 5 ms sleeps
        assertThat(f.events).hasSize(seen);
    }

    /** Waits for a condition the scheduler's thread brings about; fails after about ten seconds. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 2000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).as("condition reached by the scheduler thread").isTrue();
    }
}
