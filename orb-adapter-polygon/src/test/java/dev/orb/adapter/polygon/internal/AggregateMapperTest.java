package dev.orb.adapter.polygon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import dev.orb.domain.InvalidValueException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AggregateMapperTest {
    @Test
    void fractionalVolumes_roundHalfUpToWholeShares() {
        assertThat(AggregateMapper.roundVolume(25933.6)).isEqualTo(25934);
        assertThat(AggregateMapper.roundVolume(25933.5)).isEqualTo(25934);
        assertThat(AggregateMapper.roundVolume(25933.4)).isEqualTo(25933);
        assertThat(AggregateMapper.roundVolume(0.5)).isEqualTo(1);
        assertThat(AggregateMapper.roundVolume(0)).isZero();
    }

    @Test
    void negativeOrNonFiniteVolumes_areRejected() {
        assertThatThrownBy(() -> AggregateMapper.roundVolume(-0.1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> AggregateMapper.roundVolume(Double.NaN)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> AggregateMapper.roundVolume(Double.POSITIVE_INFINITY))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> AggregateMapper.roundVolume(1e30)).isInstanceOf(InvalidValueException.class);
    }

    @Property
    void roundedVolume_isWithinHalfAShare_andHalvesGoUp(@ForAll @DoubleRange(min = 0, max = 1e12) double v,
                                                        @ForAll @LongRange(min = 0, max = 1_000_000_000L) long whole) {
        long rounded = AggregateMapper.roundVolume(v);
        assertThat(new BigDecimal(rounded).subtract(BigDecimal.valueOf(v)).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.5"));
        assertThat(AggregateMapper.roundVolume(whole + 0.5)).isEqualTo(whole + 1);
        assertThat(AggregateMapper.roundVolume(whole)).isEqualTo(whole);
    }
}
