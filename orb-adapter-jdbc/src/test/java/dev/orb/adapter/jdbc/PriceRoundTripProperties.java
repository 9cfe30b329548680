package dev.orb.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyMetrics;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Exactness of the money columns over the whole domain, on H2 (the SQL types are the same on PostgreSQL). */
class PriceRoundTripProperties {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 11);
    private static H2Backend backend;
    private static JdbcStorage storage;

    @BeforeContainer
    static void open() {
        backend = new H2Backend();
        storage = JdbcStorage.create(backend.config());
    }

    @AfterContainer
    static void close() {
        storage.close();
        backend.destroy();
    }

    @Property
    void anyPrice_andAnySymbol_roundTripExactly(@ForAll("symbols") String symbol,
                                                @ForAll @LongRange(min = 1) long nanos,
                                                @ForAll @LongRange(min = 0) long volume) {
        Price price = new Price(nanos);
        DailyBar bar = new DailyBar(Symbol.of(symbol), DAY, price, price, price, price, volume);
        storage.upsertDailyBars(List.of(bar));

        assertThat(storage.dailyBars(DAY, DAY)).filteredOn(b -> b.symbol().value().equals(symbol)).containsExactly(bar);
    }

    @Property
    void anyAmountOfMoney_roundTripsToTheSameValue(@ForAll long unscaled, @ForAll("scales") int scale) {
        BigDecimal amount = BigDecimal.valueOf(unscaled, scale);
        BigDecimal nonNegative = amount.abs();
        DailyMetrics m = new DailyMetrics(DAY, nonNegative, amount, amount.negate(), 0, 0, 0, nonNegative);
        storage.saveDailyMetrics(m);

        DailyMetrics stored = storage.dailyMetrics(DAY, DAY).get(0);
        assertThat(stored.startEquity()).isEqualByComparingTo(nonNegative);
        assertThat(stored.endEquity()).isEqualByComparingTo(amount);
        assertThat(stored.pnl()).isEqualByComparingTo(amount.negate());
        assertThat(stored.commission()).isEqualByComparingTo(nonNegative);
    }

    @Provide
    Arbitrary<String> symbols() {
        Arbitrary<Character> first = Arbitraries.chars().range('A', 'Z').range('a', 'z').range('0', '9');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z')
                .withCharRange('0', '9').withChars('.', '-', '/').ofMaxLength(9);
        return net.jqwik.api.Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    @Provide
    Arbitrary<Integer> scales() {
        return Arbitraries.integers().between(0, 30);
    }
}
