package dev.orb.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.config.ConfigException;
import dev.orb.core.config.OrbConfig;
import dev.orb.domain.MarketTime;

class DayPlanTest {
    private static final DayPlan PLAN = new DayPlan(NyseCalendar.standard(), OrbConfig.defaults(), LiveConfig.defaults());

    private static Instant ny(int y, int m, int d, int h, int min, int s) {
        return ZonedDateTime.of(LocalDate.of(y, m, d), LocalTime.of(h, min, s), MarketTime.NEW_YORK).toInstant();
    }

    private static List<ScheduledTask> fixed(LocalDate date) {
        return PLAN.tasks(date).stream().filter(t -> !t.kind().periodic()).toList();
    }

    @Test
    void normalDay_start0920_scan093520_eod1555_sync1630() {
        List<ScheduledTask> tasks = fixed(LocalDate.of(2024, 3, 12));
        assertThat(tasks).extracting(ScheduledTask::kind).containsExactly(TaskKind.SESSION_START, TaskKind.SCAN,
                TaskKind.EOD, TaskKind.NIGHTLY_SYNC);
        assertThat(tasks).extracting(ScheduledTask::at).containsExactly(ny(2024, 3, 12, 9, 20, 0),
                ny(2024, 3, 12, 9, 35, 20), ny(2024, 3, 12, 15, 55, 0), ny(2024, 3, 12, 16, 30, 0));
    }

    @Test
    void normalDay_ticksRunBetweenOpenAndClose_oneTaskPerInstant() {
        List<ScheduledTask> all = PLAN.tasks(LocalDate.of(2024, 3, 12));
        List<ScheduledTask> reconcile = all.stream().filter(t -> t.kind() == TaskKind.RECONCILE).toList();
        List<ScheduledTask> refresh = all.stream().filter(t -> t.kind() == TaskKind.ACCOUNT_REFRESH).toList();
        // 389 minutes after the open before 16:00, less the one on EOD (15:55:00)
        assertThat(reconcile).hasSize(388);
        assertThat(reconcile.get(0).at()).isEqualTo(ny(2024, 3, 12, 9, 31, 0));
        assertThat(reconcile.get(reconcile.size() - 1).at()).isEqualTo(ny(2024, 3, 12, 15, 59, 0));
        // 1,559 quarter-minutes after the open before 16:00, less the 389 on whole minutes
        assertThat(refresh).hasSize(1170);
        assertThat(refresh.get(0).at()).isEqualTo(ny(2024, 3, 12, 9, 30, 15));
        assertThat(refresh).noneMatch(t -> t.at().getEpochSecond() % 60 == 0);
    }

    @Test
    void springForward_mondayRunsOnNewYorkTime_fourHoursFromUtc() {
        ScheduledTask fridaySync = fixed(LocalDate.of(2024, 3, 8)).get(3);
        assertThat(fridaySync.at()).isEqualTo(Instant.parse("2024-03-08T21:30:00Z")); // EST
        ScheduledTask next = PLAN.next(fridaySync.at());
        assertThat(next.kind()).isEqualTo(TaskKind.SESSION_START);
        assertThat(next.session().date()).isEqualTo(LocalDate.of(2024, 3, 11));
        assertThat(next.at()).isEqualTo(Instant.parse("2024-03-11T13:20:00Z")); // EDT
        assertThat(fixed(LocalDate.of(2024, 3, 11))).extracting(ScheduledTask::at).containsExactly(
                Instant.parse("2024-03-11T13:20:00Z"), Instant.parse("2024-03-11T13:35:20Z"),
                Instant.parse("2024-03-11T19:55:00Z"), Instant.parse("2024-03-11T20:30:00Z"));
    }

    @Test
    void fallBack_mondayRunsOnNewYorkTime_fiveHoursFromUtc() {
        assertThat(fixed(LocalDate.of(2024, 11, 1)).get(1).at()).isEqualTo(Instant.parse("2024-11-01T13:35:20Z"));
        ScheduledTask next = PLAN.next(Instant.parse("2024-11-01T20:30:00Z"));
        assertThat(next.session().date()).isEqualTo(LocalDate.of(2024, 11, 4));
        assertThat(fixed(LocalDate.of(2024, 11, 4))).extracting(ScheduledTask::at).containsExactly(
                Instant.parse("2024-11-04T14:20:00Z"), Instant.parse("2024-11-04T14:35:20Z"),
                Instant.parse("2024-11-04T20:55:00Z"), Instant.parse("2024-11-04T21:30:00Z"));
    }

    @Test
    void earlyClose_eodAt1255_syncAt1330_noTickAfterOne() {
        LocalDate blackFriday = LocalDate.of(2024, 11, 29);
        assertThat(fixed(blackFriday)).extracting(ScheduledTask::at).containsExactly(ny(2024, 11, 29, 9, 20, 0),
                ny(2024, 11, 29, 9, 35, 20), ny(2024, 11, 29, 12, 55, 0), ny(2024, 11, 29, 13, 30, 0));
        assertThat(PLAN.tasks(blackFriday)).filteredOn(t -> t.kind().periodic())
                .allMatch(t -> t.at().isBefore(ny(2024, 11, 29, 13, 0, 0)));
    }

    @Test
    void christmas_hasNoTasks_andTheEarlyCloseBeforeItHandsOverToTheTwentySixth() {
        assertThat(PLAN.tasks(LocalDate.of(2024, 12, 25))).isEmpty();
        ScheduledTask sync = fixed(LocalDate.of(2024, 12, 24)).get(3);
        assertThat(sync.at()).isEqualTo(ny(2024, 12, 24, 13, 30, 0));
        ScheduledTask next = PLAN.next(sync.at());
        assertThat(next.kind()).isEqualTo(TaskKind.SESSION_START);
        assertThat(next.at()).isEqualTo(ny(2024, 12, 26, 9, 20, 0));
    }

    @Test
    void newYearOnSaturday2028_isNotObserved_fridayTradesAndMondayFollows() {
        assertThat(PLAN.tasks(LocalDate.of(2028, 1, 1))).isEmpty();
        assertThat(fixed(LocalDate.of(2027, 12, 31))).hasSize(4);
        ScheduledTask next = PLAN.next(ny(2027, 12, 31, 16, 30, 0));
        assertThat(next.at()).isEqualTo(ny(2028, 1, 3, 9, 20, 0));
        assertThat(next.kind()).isEqualTo(TaskKind.SESSION_START);
    }

    @Test
    void next_isStrictlyAfter_soATaskIsNeverReturnedTwice() {
        Instant scan = ny(2024, 3, 12, 9, 35, 20);
        assertThat(PLAN.next(scan.minusNanos(1)).kind()).isEqualTo(TaskKind.SCAN);
        ScheduledTask after = PLAN.next(scan);
        assertThat(after.at()).isEqualTo(ny(2024, 3, 12, 9, 35, 30));
        assertThat(after.kind()).isEqualTo(TaskKind.ACCOUNT_REFRESH);
    }

    @Test
    void ticksThatFallOnTheScanOrEod_yieldToThem() {
        LiveConfig onTheMinute = LiveConfig.builder().scanDelay(Duration.ZERO).build();
        DayPlan plan = new DayPlan(NyseCalendar.standard(), OrbConfig.defaults(), onTheMinute);
        List<ScheduledTask> at0935 = plan.tasks(LocalDate.of(2024, 3, 12)).stream()
                .filter(t -> t.at().equals(ny(2024, 3, 12, 9, 35, 0))).toList();
        assertThat(at0935).extracting(ScheduledTask::kind).containsExactly(TaskKind.SCAN);
        assertThat(plan.next(ny(2024, 3, 12, 9, 34, 59)).kind()).isEqualTo(TaskKind.SCAN);
        assertThat(plan.next(ny(2024, 3, 12, 15, 54, 59)).kind()).isEqualTo(TaskKind.EOD);
    }

    @Test
    void sessionAt_coversStartUntilTheClose() {
        assertThat(PLAN.sessionAt(ny(2024, 3, 12, 9, 19, 59))).isEmpty();
        assertThat(PLAN.sessionAt(ny(2024, 3, 12, 9, 20, 0))).isPresent();
        assertThat(PLAN.sessionAt(ny(2024, 3, 12, 15, 59, 59))).isPresent();
        assertThat(PLAN.sessionAt(ny(2024, 3, 12, 16, 0, 0))).isEmpty();
        assertThat(PLAN.sessionAt(ny(2024, 3, 16, 11, 0, 0))).isEmpty(); // Saturday
        assertThat(PLAN.sessionAt(ny(2024, 11, 29, 13, 0, 0))).isEmpty(); // after an early close
    }

    @Test
    void scanDelayNotBelowTheEntryWindow_isRefusedNamingTheKeys() {
        OrbConfig tight = OrbConfig.builder().scanMaxDelayMinutes(1).build();
        LiveConfig live = LiveConfig.builder().scanDelay(Duration.ofSeconds(60)).build();
        assertThatThrownBy(() -> new DayPlan(NyseCalendar.standard(), tight, live))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("live.scanDelay: PT1M must be below scan.maxDelayMinutes (1 min)");
    }

    @Test
    void liveConfig_reportsEveryBadKeyAtOnce() {
        assertThatThrownBy(() -> LiveConfig.builder().scanDelay(Duration.ofSeconds(-1))
                .accountRefreshInterval(Duration.ZERO).reconcileInterval(null).build())
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "live.scanDelay: PT-1S must be in PT0S..PT10M",
                        "live.accountRefreshInterval: PT0S must be in PT1S..PT1H",
                        "live.reconcileInterval: must be set"));
        assertThat(LiveConfig.defaults().toBuilder().build()).isEqualTo(LiveConfig.defaults());
    }
}
