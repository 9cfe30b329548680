package dev.orb.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.TradingSession;

class SessionScheduleTest {
    private static final OrbConfig CONFIG = OrbConfig.defaults();

    @Test
    void normalDay_scanAt0935_eodAt1555_entriesUntil0945() {
        TradingSession session = TradingSession.regular(LocalDate.of(2024, 3, 11));
        assertThat(SessionSchedule.scanTime(session, CONFIG)).isEqualTo(Instant.parse("2024-03-11T13:35:00Z"));
        assertThat(SessionSchedule.eodTime(session, CONFIG)).isEqualTo(Instant.parse("2024-03-11T19:55:00Z"));
        assertThat(SessionSchedule.latestEntryTime(session, CONFIG)).isEqualTo(Instant.parse("2024-03-11T13:45:00Z"));
    }

    @Test
    void earlyClose_eodAt1255() {
        TradingSession session = TradingSession.of(LocalDate.of(2024, 11, 29), LocalTime.of(9, 30), LocalTime.of(13, 0));
        // EST: 12:55 New York = 17:55Z
        assertThat(SessionSchedule.eodTime(session, CONFIG)).isEqualTo(Instant.parse("2024-11-29T17:55:00Z"));
        assertThat(SessionSchedule.scanTime(session, CONFIG)).isEqualTo(Instant.parse("2024-11-29T14:35:00Z"));
    }

    @Test
    void longerOpeningRange_movesTheScan() {
        TradingSession session = TradingSession.regular(LocalDate.of(2024, 3, 11));
        OrbConfig thirty = CONFIG.toBuilder().openingRangeMinutes(30).eodMinutesBeforeClose(15).build();
        assertThat(SessionSchedule.scanTime(session, thirty)).isEqualTo(session.at(LocalTime.of(10, 0)));
        assertThat(SessionSchedule.eodTime(session, thirty)).isEqualTo(session.at(LocalTime.of(15, 45)));
        assertThat(SessionSchedule.latestEntryTime(session, thirty)).isEqualTo(session.at(LocalTime.of(10, 10)));
    }

    @Test
    void latestEntry_isCappedAtEndOfDay() {
        TradingSession session = TradingSession.of(LocalDate.of(2024, 11, 29), LocalTime.of(9, 30), LocalTime.of(13, 0));
        OrbConfig late = CONFIG.toBuilder().scanMaxDelayMinutes(300).build();
        assertThat(SessionSchedule.latestEntryTime(session, late)).isEqualTo(session.at(LocalTime.of(12, 55)));
    }
}
