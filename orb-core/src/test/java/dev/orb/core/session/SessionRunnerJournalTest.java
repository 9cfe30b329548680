package dev.orb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.journal.StoredJournal;
import dev.orb.domain.TradingSession;

/** How the runner journals: every event before its decision, queued events together, in the order applied. */
class SessionRunnerJournalTest {
    private static final LocalDate DATE = LocalDate.of(2024, 3, 12);

    private static Day twoSymbols() {
        return Day.regular(DATE, OrbConfig.defaults(), "100000")
                .symbol("AAA", "50.00", "50.50", "49.80", "50.40", 300_000, "2.00", 100_000)
                .symbol("BBB", "20.00", "20.10", "19.50", "19.60", 500_000, "1.00", 100_000);
    }

    @Test
    void eventsQueuedWhileBusy_areJournaledTogether_beforeAnyOfThemIsDecided_inTheOrderApplied() {
        Day day = twoSymbols();
        RecordingJournal journal = new RecordingJournal();
        List<EngineEvent> decided = new ArrayList<>();
        List<Integer> journaledWhenDecided = new ArrayList<>();
        SessionRunner runner = new SessionRunner(new SessionEngine(day.config), day.broker, day.storage, day.clock,
                journal, new EngineListener() {
                    @Override
                    public void onDecision(EngineEvent event, Decision decision) {
                        decided.add(event);
                        journaledWhenDecided.add(journal.events.size());
                    }
                });
        runner.start(day.session);
        day.clock.set(dev.orb.core.strategy.SessionSchedule.scanTime(day.session, day.config));
        // The scan submits two entries; the fake broker acknowledges and reports them while the scan's commands
        // are still running, so their events queue up behind it.
        runner.feed(day.scanEvent());
        day.trade("AAA", "50.55");

        assertThat(journal.events).as("journal order is the order of the decisions").isEqualTo(decided);
        for (int i = 0; i < decided.size(); i++) {
            assertThat(journaledWhenDecided.get(i)).as("event %s journaled before it was decided on", i)
                    .isGreaterThan(i);
        }
        assertThat(journal.calls).as("queued events share one call").anySatisfy(n -> assertThat(n).isGreaterThan(1));
        assertThat(journal.calls.stream().mapToInt(Integer::intValue).sum()).isEqualTo(decided.size());
    }

    @Test
    void aFailedJournalWrite_dropsOnlyTheEventAtHand_theQueuedOnesAreJournaledAndAppliedNext() {
        Day day = twoSymbols();
        RecordingJournal journal = new RecordingJournal();
        List<EngineEvent> decided = new ArrayList<>();
        AtomicReference<SessionRunner> self = new AtomicReference<>();
        SessionRunner runner = new SessionRunner(new SessionEngine(day.config), day.broker, day.storage, day.clock,
                journal, new EngineListener() {
                    @Override
                    public void onDecision(EngineEvent event, Decision decision) {
                        decided.add(event);
                        if (event instanceof EngineEvent.KillSwitchEngaged) {
                            // Two events arrive while this one is processed; journaling them fails once.
                            self.get().feed(new EngineEvent.AccountUpdated(day.clock.now(), day.broker.account()));
                            self.get().feed(new EngineEvent.KillSwitchReleased(day.clock.now(), "operator:bob", "ok"));
                            journal.failNext = true;
                        }
                    }
                });
        self.set(runner);
        runner.start(day.session);
        EngineEvent engage = new EngineEvent.KillSwitchEngaged(day.clock.now(), "operator:alice", "pause");

        assertThatThrownBy(() -> runner.feed(engage)).isInstanceOf(IllegalStateException.class);
        assertThat(decided).last().isEqualTo(engage);
        assertThat(runner.state().killSwitch().engaged()).isTrue();

        runner.feed(new EngineEvent.EodReached(day.clock.now()));

        assertThat(decided).extracting(e -> e.getClass().getSimpleName()).endsWith("KillSwitchEngaged",
                "KillSwitchReleased", "EodReached");
        assertThat(journal.events).isEqualTo(decided);
        assertThat(runner.state().killSwitch().engaged()).isFalse();
    }

    @Test
    void restart_replaysEventsJournaledTogether_toTheSameState() {
        Day day = twoSymbols();
        SessionJournal stored = new StoredJournal(day.storage, day.clock);
        SessionRunner first = new SessionRunner(new SessionEngine(day.config), day.broker, day.storage, day.clock,
                stored, EngineListener.NONE);
        first.start(day.session);
        day.clock.set(dev.orb.core.strategy.SessionSchedule.scanTime(day.session, day.config));
        first.feed(day.scanEvent());
        day.trade("AAA", "50.55");
        SessionState before = first.state();
        first.close();

        SessionState replayed = SessionState.initial();
        SessionEngine engine = new SessionEngine(day.config);
        for (EngineEvent e : stored.events(day.session)) {
            replayed = engine.decide(replayed, e).state();
        }
        assertThat(replayed).isEqualTo(before);
    }

    /** Records what was journaled and how many events each call carried; can fail the next call once. */
    private static final class RecordingJournal implements SessionJournal {
        final List<EngineEvent> events = new ArrayList<>();
        final List<Integer> calls = new ArrayList<>();
        boolean failNext;

        @Override
        public void record(TradingSession session, EngineEvent event) {
            recordAll(session, List.of(event));
        }

        @Override
        public void recordAll(TradingSession session, List<EngineEvent> batch) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("journal unavailable");
            }
            events.addAll(batch);
            calls.add(batch.size());
        }

        @Override
        public List<EngineEvent> events(TradingSession session) {
            return List.copyOf(events);
        }
    }
}
