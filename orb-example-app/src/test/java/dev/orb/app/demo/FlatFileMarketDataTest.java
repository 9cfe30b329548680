package dev.orb.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.fakes.ManualClock;
import dev.orb.domain.Bar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.synth.GeneratorConfig;
import dev.orb.sim.synth.SyntheticMarket;

/** The flat files served as a vendor would at the clock's time: nothing from the future. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlatFileMarketDataTest {
    private static final LocalDate DAY = LocalDate.of(2024, 6, 4);
    private final NyseCalendar calendar = NyseCalendar.standard();
    private FlatFileDataset dataset;
    private Symbol symbol;

    @BeforeAll
    void generate(@TempDir Path dir) {
        SyntheticMarket market = SyntheticMarket.create(GeneratorConfig.of(LocalDate.of(2024, 6, 3), DAY, 3, 5),
                calendar);
        market.writeTo(dir);
        dataset = FlatFileDataset.open(dir);
        symbol = market.symbols().get(0);
    }

    @Test
    void dailyBars_appearOnlyOnceTheSessionHasClosed() {
        ManualClock clock = ManualClock.at(DAY, LocalTime.of(15, 59));
        FlatFileMarketData data = new FlatFileMarketData(dataset, calendar, clock);
        assertThat(data.dailyBarsOfMarket(DAY)).isEmpty();
        assertThat(data.dailyBarsOfMarket(LocalDate.of(2024, 6, 3))).isNotEmpty();
        assertThat(data.dailyBars(symbol, LocalDate.of(2024, 6, 1), DAY)).hasSize(1);
        clock.set(session().closeInstant());
        assertThat(data.dailyBarsOfMarket(DAY)).isEqualTo(dataset.readDaily(DAY));
        assertThat(data.dailyBars(symbol, LocalDate.of(2024, 6, 1), DAY)).hasSize(2);
        assertThat(data.dailyBarsOfMarket(LocalDate.of(2024, 6, 5))).as("not in the data").isEmpty();
    }

    @Test
    void minuteBars_areServedOnlyOnceTheirMinuteHasEnded() {
        Instant open = session().openInstant();
        ManualClock clock = new ManualClock(open.plusSeconds(5 * 60 - 1));
        FlatFileMarketData data = new FlatFileMarketData(dataset, calendar, clock);
        Map<Symbol, List<Bar>> early = data.intradayBars(List.of(symbol), Timeframe.ONE_MINUTE, open,
                open.plusSeconds(300));
        assertThat(early.getOrDefault(symbol, List.of())).allSatisfy(b -> assertThat(b.start())
                .isBefore(open.plusSeconds(240)));
        clock.set(open.plusSeconds(300));
        List<Bar> bars = data.intradayBars(List.of(symbol), Timeframe.ONE_MINUTE, open, open.plusSeconds(300))
                .getOrDefault(symbol, List.of());
        List<Bar> expected = dataset.readMinutes(session()).bars(symbol).stream()
                .filter(b -> !b.start().isBefore(open) && b.start().isBefore(open.plusSeconds(300))).toList();
        assertThat(bars).isEqualTo(expected);
    }

    @Test
    void otherTimeframes_areRefused() {
        FlatFileMarketData data = new FlatFileMarketData(dataset, calendar, ManualClock.at(DAY, LocalTime.NOON));
        Instant open = session().openInstant();
        assertThatThrownBy(() -> data.intradayBars(List.of(symbol), Timeframe.FIVE_MINUTES, open, open.plusSeconds(600)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("one-minute");
    }

    private TradingSession session() {
        return calendar.session(DAY).orElseThrow();
    }
}
