package dev.orb.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.orb.domain.DailyBar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;

/**
 * Bad input never reaches storage as a value: orb's records refuse it at construction. (What storage refuses
 * from plain SQL is in {@link SchemaContract}.)
 */
class DomainValidationTest {
    @Test
    void anElevenCharacterOrNullSymbol_cannotBeConstructed() {
        assertThatThrownBy(() -> Symbol.of("ABCDEFGHIJK")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("ABCDEFGHIJK");
        assertThatThrownBy(() -> Symbol.of(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aNaNOrNegativePrice_cannotBeConstructed() {
        assertThatThrownBy(() -> Price.ofVendorDouble(Double.NaN)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Price.of("-1.00")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aNegativeVolume_cannotBeConstructed() {
        Price p = Price.of("10.00");
        assertThatThrownBy(() -> new DailyBar(Symbol.of("A"), LocalDate.of(2024, 3, 11), p, p, p, p, -1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("volume");
    }
}
