package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.SESSION;
import static dev.orb.core.strategy.Fixtures.bar;
import static dev.orb.core.strategy.Fixtures.minuteBar;
import static dev.orb.core.strategy.Fixtures.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orb.domain.Bar;
import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;

class OpeningRangesTest {
    private static final Symbol XYZ = Symbol.of("XYZ");

    /**
     * 75 one-minute bars from 09:30: bar k opens at 10.00 + 0.01 k, high open + 0.05, low open − 0.03,
     * close open + 0.02, volume 100 + k.
     */
    private static List<Bar> rampFromOpen() {
        List<Bar> bars = new ArrayList<>();
        for (int k = 0; k < 75; k++) {
            BigDecimal open = new BigDecimal("10.00").add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(k)));
            bars.add(new Bar(XYZ, SESSION.at(LocalTime.of(9, 30).plusMinutes(k)), Timeframe.ONE_MINUTE,
                    Price.of(open), Price.of(open.add(new BigDecimal("0.05"))),
                    Price.of(open.subtract(new BigDecimal("0.03"))), Price.of(open.add(new BigDecimal("0.02"))),
                    100 + k));
        }
        return bars;
    }

    @ParameterizedTest(name = "N = {0}")
    @CsvSource({
            "5,  10.09, 10.06, 510",
            "15, 10.19, 10.16, 1605",
            "30, 10.34, 10.31, 3435",
            "60, 10.64, 10.61, 7770",
    })
    void oneMinuteBars_formTheRangeOfTheFirstNMinutes(int minutes, String high, String close, long volume) {
        OpeningRange range = OpeningRanges.of(XYZ, SESSION, minutes, rampFromOpen()).orElseThrow();
        assertThat(range.open()).isEqualTo(p("10.00"));
        assertThat(range.high()).isEqualTo(p(high));
        assertThat(range.low()).isEqualTo(p("9.97"));
        assertThat(range.close()).isEqualTo(p(close));
        assertThat(range.volume()).isEqualTo(volume);
        assertThat(range.minutes()).isEqualTo(minutes);
        assertThat(range.session()).isEqualTo(SESSION.date());
        assertThat(range.symbol()).isEqualTo(XYZ);
        assertThat(range.direction()).contains(Direction.LONG);
        assertThat(OpeningRanges.windowVolume(SESSION, minutes, rampFromOpen())).isEqualTo(volume);
    }

    @Test
    void barsInAnyOrder_giveTheSameRange() {
        List<Bar> shuffled = rampFromOpen();
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 3, 70);
        assertThat(OpeningRanges.of(XYZ, SESSION, 15, shuffled)).isEqualTo(OpeningRanges.of(XYZ, SESSION, 15,
                rampFromOpen()));
    }

    @Test
    void singleFiveMinuteBar_isTheRange() {
        Bar bar = bar("XYZ", SESSION, "09:30", Timeframe.FIVE_MINUTES, "20.00", "20.80", "19.60", "19.70", 12_345);
        OpeningRange range = OpeningRanges.of(XYZ, SESSION, 5, List.of(bar)).orElseThrow();
        assertThat(range).isEqualTo(new OpeningRange(XYZ, SESSION.date(), 5, p("20.00"), p("20.80"), p("19.60"),
                p("19.70"), 12_345));
        assertThat(range.direction()).contains(Direction.SHORT);
    }

    @Test
    void fiveMinuteBars_formAFifteenMinuteRange() {
        List<Bar> bars = List.of(
                bar("XYZ", SESSION, "09:40", Timeframe.FIVE_MINUTES, "20.50", "20.90", "20.40", "20.85", 300),
                bar("XYZ", SESSION, "09:30", Timeframe.FIVE_MINUTES, "20.00", "20.30", "19.80", "20.10", 100),
                bar("XYZ", SESSION, "09:35", Timeframe.FIVE_MINUTES, "20.10", "20.60", "20.00", "20.50", 200),
                bar("XYZ", SESSION, "09:45", Timeframe.FIVE_MINUTES, "20.85", "25.00", "15.00", "21.00", 999));
        OpeningRange range = OpeningRanges.of(XYZ, SESSION, 15, bars).orElseThrow();
        assertThat(range).isEqualTo(new OpeningRange(XYZ, SESSION.date(), 15, p("20.00"), p("20.90"), p("19.80"),
                p("20.85"), 600));
    }

    @Test
    void preMarketAndPostWindowBars_areIgnored() {
        List<Bar> bars = List.of(
                minuteBar("XYZ", SESSION, "04:00", "30.00", "99.00", "1.00", "30.00", 1_000_000),
                minuteBar("XYZ", SESSION, "09:29", "30.00", "99.00", "1.00", "30.00", 1_000_000),
                minuteBar("XYZ", SESSION, "09:30", "30.00", "30.10", "29.95", "30.05", 100),
                minuteBar("XYZ", SESSION, "09:34", "30.05", "30.20", "30.00", "30.15", 200),
                minuteBar("XYZ", SESSION, "09:35", "30.00", "99.00", "1.00", "30.00", 1_000_000),
                minuteBar("XYZ", SESSION, "15:59", "30.00", "99.00", "1.00", "30.00", 1_000_000),
                minuteBar("XYZ", SESSION, "17:00", "30.00", "99.00", "1.00", "30.00", 1_000_000));
        OpeningRange range = OpeningRanges.of(XYZ, SESSION, 5, bars).orElseThrow();
        assertThat(range).isEqualTo(new OpeningRange(XYZ, SESSION.date(), 5, p("30.00"), p("30.20"), p("29.95"),
                p("30.15"), 300));
        assertThat(OpeningRanges.windowVolume(SESSION, 5, bars)).isEqualTo(300);
    }

    @Test
    void closeEqualToOpen_isADojiWithoutDirection() {
        List<Bar> bars = List.of(
                minuteBar("XYZ", SESSION, "09:30", "30.00", "30.50", "29.50", "30.40", 100),
                minuteBar("XYZ", SESSION, "09:34", "30.40", "30.40", "29.90", "30.00", 100));
        assertThat(OpeningRanges.of(XYZ, SESSION, 5, bars).orElseThrow().direction()).isEmpty();
    }

    @Test
    void missingOpeningBar_isEmpty_butItsWindowVolumeStillCounts() {
        List<Bar> bars = List.of(
                minuteBar("XYZ", SESSION, "09:29", "30.00", "30.50", "29.50", "30.40", 1000),
                minuteBar("XYZ", SESSION, "09:31", "30.00", "30.50", "29.50", "30.40", 100),
                minuteBar("XYZ", SESSION, "09:33", "30.40", "30.40", "29.90", "30.00", 50));
        assertThat(OpeningRanges.of(XYZ, SESSION, 5, bars)).isEmpty();
        assertThat(OpeningRanges.windowVolume(SESSION, 5, bars)).isEqualTo(150);
        assertThat(OpeningRanges.of(XYZ, SESSION, 5, List.of())).isEmpty();
        assertThat(OpeningRanges.windowVolume(SESSION, 5, List.of())).isZero();
    }

    @Test
    void dayAfterSpringForward_theOpeningBarStartsAt1330Utc() {
        TradingSession session = TradingSession.regular(LocalDate.of(2024, 3, 11));
        List<Bar> bars = List.of(
                utcBar("2024-03-11T13:30:00Z", "40.00", "40.40", "39.90", "40.30", 100),
                utcBar("2024-03-11T13:34:00Z", "40.30", "40.50", "40.20", "40.45", 200),
                // 10:30 New York on this day, long after the window
                utcBar("2024-03-11T14:30:00Z", "40.00", "90.00", "10.00", "40.00", 5000));
        OpeningRange range = OpeningRanges.of(XYZ, session, 5, bars).orElseThrow();
        assertThat(range).isEqualTo(new OpeningRange(XYZ, session.date(), 5, p("40.00"), p("40.50"), p("39.90"),
                p("40.45"), 300));
    }

    @Test
    void dayAfterFallBack_theOpeningBarStartsAt1430Utc() {
        TradingSession session = TradingSession.regular(LocalDate.of(2024, 11, 4));
        List<Bar> bars = List.of(
                // 08:30 New York on this day: pre-market
                utcBar("2024-11-04T13:30:00Z", "40.00", "90.00", "10.00", "40.00", 5000),
                utcBar("2024-11-04T14:30:00Z", "40.00", "40.40", "39.90", "40.30", 100),
                utcBar("2024-11-04T14:32:00Z", "40.30", "40.50", "40.20", "40.45", 200));
        OpeningRange range = OpeningRanges.of(XYZ, session, 5, bars).orElseThrow();
        assertThat(range).isEqualTo(new OpeningRange(XYZ, session.date(), 5, p("40.00"), p("40.50"), p("39.90"),
                p("40.45"), 300));
        assertThat(OpeningRanges.of(XYZ, session, 5, bars.subList(0, 1))).isEmpty();
    }

    @Test
    void twoBarsWithTheSameStart_areRejectedNamingSymbolAndTime() {
        List<Bar> bars = List.of(
                minuteBar("XYZ", SESSION, "09:30", "30.00", "30.50", "29.50", "30.40", 100),
                minuteBar("XYZ", SESSION, "09:32", "30.00", "30.50", "29.50", "30.40", 100),
                minuteBar("XYZ", SESSION, "09:32", "30.00", "30.50", "29.50", "30.40", 100));
        assertThatThrownBy(() -> OpeningRanges.of(XYZ, SESSION, 5, bars))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("XYZ").hasMessageContaining("2024-03-11T13:32:00Z");
        assertThatThrownBy(() -> OpeningRanges.windowVolume(SESSION, 5, bars))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void duplicateOffMinuteStarts_areRejectedToo() {
        Instant odd = SESSION.openInstant().plusSeconds(90);
        List<Bar> bars = List.of(
                minuteBar("XYZ", SESSION, "09:30", "30.00", "30.50", "29.50", "30.40", 100),
                new Bar(XYZ, odd, Timeframe.ONE_MINUTE, p("30"), p("30"), p("30"), p("30"), 1),
                new Bar(XYZ, odd, Timeframe.ONE_MINUTE, p("30"), p("30"), p("30"), p("30"), 1));
        assertThatThrownBy(() -> OpeningRanges.of(XYZ, SESSION, 5, bars))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining(odd.toString());
    }

    @Test
    void barOfAnotherSymbol_isRejectedNamingSymbolAndTime() {
        List<Bar> bars = List.of(
                minuteBar("XYZ", SESSION, "09:30", "30.00", "30.50", "29.50", "30.40", 100),
                minuteBar("ABC", SESSION, "11:00", "30.00", "30.50", "29.50", "30.40", 100));
        assertThatThrownBy(() -> OpeningRanges.of(XYZ, SESSION, 5, bars))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("ABC").hasMessageContaining("XYZ").hasMessageContaining("2024-03-11T15:00:00Z");
    }

    @Test
    void barReachingPastTheWindow_isRejected() {
        List<Bar> bars = List.of(
                minuteBar("XYZ", SESSION, "09:30", "30.00", "30.50", "29.50", "30.40", 100),
                bar("XYZ", SESSION, "09:32", Timeframe.FIVE_MINUTES, "30.00", "30.50", "29.50", "30.40", 100));
        assertThatThrownBy(() -> OpeningRanges.of(XYZ, SESSION, 5, bars))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("XYZ").hasMessageContaining("2024-03-11T13:32:00Z");
    }

    private static Bar utcBar(String start, String open, String high, String low, String close, long volume) {
        return new Bar(XYZ, Instant.parse(start), Timeframe.ONE_MINUTE, p(open), p(high), p(low), p(close), volume);
    }
}
