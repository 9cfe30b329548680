package dev.orb.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.config.OrbConfig;
import dev.orb.domain.MarketTime;
import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;

/** Invariants of the day plan over random dates of 2024–2028 and random timings. */
class DayPlanProperties {
    private static final TradingCalendar NYSE = NyseCalendar.standard();
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2028, 12, 31);

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(FIRST.toEpochDay(), LAST.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Instant from = FIRST.atStartOfDay(MarketTime.NEW_YORK).toInstant();
        Instant to = LAST.atStartOfDay(MarketTime.NEW_YORK).toInstant();
        return Arbitraries.longs().between(0, Duration.between(from, to).toMillis()).map(from::plusMillis);
    }

    @Provide
    Arbitrary<DayPlan> plans() {
        Arbitrary<OrbConfig> config = Combinators.combine(Arbitraries.of(OrbConfig.SUPPORTED_OR_MINUTES),
                Arbitraries.integers().between(5, 60)).as((or, eod) ->
                OrbConfig.builder().openingRangeMinutes(or).eodMinutesBeforeClose(eod).build());
        Arbitrary<LiveConfig> live = Combinators.combine(
                Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 120),
                Arbitraries.integers().between(0, 360),
                Arbitraries.integers().between(5, 600),
                Arbitraries.integers().between(5, 600)).as((scan, lead, sync, refresh, reconcile) ->
                LiveConfig.builder().scanDelay(Duration.ofSeconds(scan)).startLead(Duration.ofMinutes(lead))
                        .nightlySyncDelay(Duration.ofMinutes(sync)).accountRefreshInterval(Duration.ofSeconds(refresh))
                        .reconcileInterval(Duration.ofSeconds(reconcile)).build());
        return Combinators.combine(config, live).as((c, l) -> new DayPlan(NYSE, c, l));
    }

    @Property
    void aSessionsTasksAreStrictlyOrderedOnItsDate_scanBeforeEod_eodBeforeTheClose(
            @ForAll("dates") LocalDate date, @ForAll("plans") DayPlan plan) {
        List<ScheduledTask> tasks = plan.tasks(date);
        Optional<TradingSession> session = NYSE.session(date);
        assertThat(tasks.isEmpty()).isEqualTo(session.isEmpty());
        if (session.isEmpty()) {
            return;
        }
        TradingSession s = session.get();
        for (int i = 1; i < tasks.size(); i++) {
            assertThat(tasks.get(i).at()).isAfter(tasks.get(i - 1).at());
        }
        assertThat(tasks).allMatch(t -> t.session().equals(s)
                && t.at().atZone(MarketTime.NEW_YORK).toLocalDate().equals(date));
        assertThat(tasks.get(0).kind()).isEqualTo(TaskKind.SESSION_START);
        assertThat(tasks.get(tasks.size() - 1).kind()).isEqualTo(TaskKind.NIGHTLY_SYNC);
        Instant scan = only(tasks, TaskKind.SCAN);
        Instant eod = only(tasks, TaskKind.EOD);
        assertThat(scan).isBefore(eod);
        assertThat(eod).isEqualTo(s.closeInstant().minus(Duration.ofMinutes(plan.config().eodMinutesBeforeClose())));
        assertThat(eod).isBeforeOrEqualTo(s.closeInstant().minus(Duration.ofMinutes(5)));
        assertThat(tasks).filteredOn(t -> t.kind().periodic())
                .allMatch(t -> t.at().isAfter(s.openInstant()) && t.at().isBefore(s.closeInstant()));
    }

    @Property
    void walkingNextFromTheStart_visitsExactlyTheSessionsTasks(@ForAll("dates") LocalDate date,
                                                                @ForAll("plans") DayPlan plan) {
        Optional<TradingSession> session = NYSE.session(date);
        if (session.isEmpty()) {
            return;
        }
        List<ScheduledTask> walked = new ArrayList<>();
        ScheduledTask t = plan.next(plan.startAt(session.get()).minusNanos(1));
        while (t.session().equals(session.get())) {
            walked.add(t);
            t = plan.next(t.at());
        }
        assertThat(walked).isEqualTo(plan.tasks(date));
        assertThat(NYSE.isTradingDay(t.session().date())).isTrue();
        assertThat(t.kind()).isEqualTo(TaskKind.SESSION_START);
    }

    @Property
    void nextFromAnyInstant_isTheFirstPlannedTaskAfterIt_onATradingDay(@ForAll("instants") Instant now,
                                                                       @ForAll("plans") DayPlan plan) {
        ScheduledTask next = plan.next(now);
        assertThat(next.at()).isAfter(now);
        LocalDate nextDate = next.session().date();
        assertThat(NYSE.isTradingDay(nextDate)).isTrue();
        assertThat(plan.tasks(nextDate)).contains(next);
        for (LocalDate d = now.atZone(MarketTime.NEW_YORK).toLocalDate(); !d.isAfter(nextDate); d = d.plusDays(1)) {
            assertThat(plan.tasks(d)).noneMatch(x -> x.at().isAfter(now) && x.at().isBefore(next.at()));
        }
    }

    private static Instant only(List<ScheduledTask> tasks, TaskKind kind) {
        List<ScheduledTask> of = tasks.stream().filter(t -> t.kind() == kind).toList();
        assertThat(of).hasSize(1);
        return of.get(0).at();
    }
}
