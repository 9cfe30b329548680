package dev.orb.sim.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.sim.EpochNanos;
import dev.orb.sim.WeekdayCalendar;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SyntheticMarketPropertiesTest {
    private static final long MINUTE = 60_000_000_000L;

    @Provide
    Arbitrary<GeneratorConfig> configs() {
        Arbitrary<LocalDate> from = Arbitraries.integers().between(0, 360)
                .map(d -> LocalDate.of(2024, 1, 1).plusDays(d)).withoutEdgeCases();
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 5).withoutEdgeCases();
        Arbitrary<Integer> symbols = Arbitraries.integers().between(1, 3);
        Arbitrary<Long> seeds = Arbitraries.longs().withoutEdgeCases();
        Arbitrary<Double> p = Arbitraries.doubles().between(0, 1);
        Arbitrary<Double> small = Arbitraries.doubles().between(0, 0.5);
        return Combinators.combine(from, days, symbols, seeds, p, p, p, small).as(
                (f, d, n, seed, subDollar, inPlay, halt, missing) -> GeneratorConfig.builder(f, f.plusDays(d))
                        .symbols(n).seed(seed).subDollarFraction(subDollar).subFiveFraction((1 - subDollar) / 2)
                        .inPlayProbability(inPlay).haltProbability(halt).missingMinuteProbability(missing)
                        .listingFraction(0.3).build());
    }

    private static List<RecordingSink.Session> generate(GeneratorConfig config) {
        RecordingSink sink = new RecordingSink();
        try {
            SyntheticMarket.create(config, WeekdayCalendar.US_2024).generate(sink);
        } catch (dev.orb.domain.InvalidValueException noSession) {
            return List.of();
        }
        return sink.sessions;
    }

    private static boolean onTick(long nanos) {
        return new Price(nanos).isOnTick();
    }

    @Property
    void everyBarIsConsistentOnTheTickAndOnAMinute(@ForAll("configs") GeneratorConfig config) {
        for (RecordingSink.Session s : generate(config)) {
            long preMarket = EpochNanos.of(s.session().at(LocalTime.of(4, 0)));
            long postEnd = EpochNanos.of(s.session().closeInstant()) + 240 * MINUTE;
            for (RecordingSink.Row r : s.minutes()) {
                assertThat(r.high()).isGreaterThanOrEqualTo(Math.max(r.open(), r.close()));
                assertThat(r.low()).isLessThanOrEqualTo(Math.min(r.open(), r.close())).isPositive();
                assertThat(onTick(r.open()) && onTick(r.high()) && onTick(r.low()) && onTick(r.close())).isTrue();
                assertThat(r.volume()).isPositive();
                assertThat(r.start() % MINUTE).isZero();
                assertThat(r.start()).isGreaterThanOrEqualTo(preMarket).isLessThan(postEnd);
            }
        }
    }

    @Property
    void minuteRowsAreGroupedBySymbolInOrderAndTimeIncreases(@ForAll("configs") GeneratorConfig config) {
        for (RecordingSink.Session s : generate(config)) {
            List<RecordingSink.Row> rows = s.minutes();
            for (int i = 1; i < rows.size(); i++) {
                RecordingSink.Row a = rows.get(i - 1);
                RecordingSink.Row b = rows.get(i);
                int bySymbol = a.symbol().compareTo(b.symbol());
                assertThat(bySymbol < 0 || (bySymbol == 0 && a.start() < b.start())).isTrue();
            }
        }
    }

    @Property
    void dayRowIsTheAggregateOfTheRegularSessionMinutes(@ForAll("configs") GeneratorConfig config) {
        for (RecordingSink.Session s : generate(config)) {
            TradingSession session = s.session();
            long open = EpochNanos.of(session.openInstant());
            long close = EpochNanos.of(session.closeInstant());
            Map<Symbol, long[]> expected = new LinkedHashMap<>();
            for (RecordingSink.Row r : s.minutes()) {
                if (r.start() < open || r.start() >= close) {
                    continue;
                }
                long[] a = expected.get(r.symbol());
                if (a == null) {
                    expected.put(r.symbol(), new long[] {r.open(), r.high(), r.low(), r.close(), r.volume()});
                } else {
                    a[1] = Math.max(a[1], r.high());
                    a[2] = Math.min(a[2], r.low());
                    a[3] = r.close();
                    a[4] += r.volume();
                }
            }
            List<Symbol> daySymbols = new ArrayList<>();
            for (RecordingSink.Row d : s.daily()) {
                daySymbols.add(d.symbol());
                assertThat(new long[] {d.open(), d.high(), d.low(), d.close(), d.volume()})
                        .containsExactly(expected.get(d.symbol()));
            }
            assertThat(daySymbols).containsExactlyElementsOf(expected.keySet()).isSorted();
        }
    }
}
