package dev.orb.core.strategy;

import static dev.orb.core.strategy.Fixtures.DAY;
import static dev.orb.core.strategy.Fixtures.d;
import static dev.orb.core.strategy.Fixtures.p;
import static dev.orb.core.strategy.Fixtures.range;
import static dev.orb.core.strategy.Fixtures.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.Price;
import dev.orb.domain.TimeInForce;

class OrderPlannerTest {
    private static final OrbConfig CONFIG = OrbConfig.defaults();

    @Test
    void longEntry_isTheRangeHighRoundedUpToTheCent() {
        assertThat(OrderPlanner.entryPrice(range("X", "166.00", "166.975", "165.50", "166.90"), Direction.LONG))
                .isEqualTo(p("166.98"));
        assertThat(OrderPlanner.entryPrice(range("X", "166.00", "166.971", "165.50", "166.90"), Direction.LONG))
                .isEqualTo(p("166.98"));
        assertThat(OrderPlanner.entryPrice(range("X", "166.00", "167.00", "165.50", "166.90"), Direction.LONG))
                .isEqualTo(p("167.00"));
    }

    @Test
    void shortEntry_isTheRangeLowRoundedDownToTheCent() {
        assertThat(OrderPlanner.entryPrice(range("X", "166.00", "166.50", "165.505", "165.60"), Direction.SHORT))
                .isEqualTo(p("165.50"));
        assertThat(OrderPlanner.entryPrice(range("X", "166.00", "166.50", "165.509", "165.60"), Direction.SHORT))
                .isEqualTo(p("165.50"));
    }

    @Test
    void subDollarStock_entryAndStopLieOnTheHundredthCentGrid() {
        OpeningRange range = range("PENY", "0.8400", "0.85123", "0.83987", "0.8500");
        Price entry = OrderPlanner.entryPrice(range, Direction.LONG);
        assertThat(entry).isEqualTo(p("0.8513"));
        // 0.8513 − 0.10 × 0.0537 = 0.84593 → 0.8459
        assertThat(OrderPlanner.protectiveStop(entry, Direction.LONG, d("0.0537"), CONFIG)).contains(p("0.8459"));

        Price shortEntry = OrderPlanner.entryPrice(range, Direction.SHORT);
        assertThat(shortEntry).isEqualTo(p("0.8398"));
        // 0.8398 + 0.00537 = 0.84517 → 0.8452
        assertThat(OrderPlanner.protectiveStop(shortEntry, Direction.SHORT, d("0.0537"), CONFIG)).contains(p("0.8452"));
    }

    @Test
    void longStopExactlyOnAHalfCent_roundsUp() {
        // 10.00 − 0.10 × 0.35 = 9.965 → 9.97 (half-even would give 9.96)
        assertThat(OrderPlanner.protectiveStop(p("10.00"), Direction.LONG, d("0.35"), CONFIG)).contains(p("9.97"));
    }

    @Test
    void shortStopExactlyOnAHalfCent_roundsUp() {
        // 10.00 + 0.10 × 0.45 = 10.045 → 10.05 (half-even would give 10.04)
        assertThat(OrderPlanner.protectiveStop(p("10.00"), Direction.SHORT, d("0.45"), CONFIG)).contains(p("10.05"));
    }

    @Test
    void stopOnAHalfCentBehindANonTerminatingAtr_stillRoundsUp() {
        // ATR = 1.00 / 14 stored at scale 20 (rounded down); 0.07 × 1/14 = 0.005 exactly, so the SHORT stop
        // is 10.005 → 10.01, although 0.07 × the stored ATR is a hair below 0.005.
        BigDecimal atr = BigDecimal.ONE.divide(BigDecimal.valueOf(14), 20, RoundingMode.HALF_EVEN);
        OrbConfig config = OrbConfig.builder().stopAtrFraction(d("0.07")).build();
        assertThat(OrderPlanner.protectiveStop(p("10.00"), Direction.SHORT, atr, config)).contains(p("10.01"));
        // LONG: 10.00 − 0.005 = 9.995 → 10.00, the entry itself
        assertThat(OrderPlanner.protectiveStop(p("10.00"), Direction.LONG, atr, config)).isEmpty();
        // the same offset from an exact ATR of 1/20: 9.995 → 10.00 and 10.005 → 10.01
        OrbConfig tenth = OrbConfig.builder().stopAtrFraction(d("0.1")).build();
        assertThat(OrderPlanner.protectiveStop(p("10.00"), Direction.SHORT, d("0.05"), tenth)).contains(p("10.01"));
    }

    @Test
    void stopThatRoundsOntoTheEntry_isEmpty_andPlansNoTrade() {
        // 10.00 − 0.10 × 0.04 = 9.996 → 10.00
        assertThat(OrderPlanner.protectiveStop(p("10.00"), Direction.LONG, d("0.04"), CONFIG)).isEmpty();
        Candidate c = new Candidate(range("TINY", "9.90", "10.00", "9.85", "9.95"), stats("TINY", "0.04", "2000000",
                "9.90"), Direction.LONG, Ratio.of(2, 1));
        OrderPlanner.Plan plan = OrderPlanner.plan(c, DAY, d("100000"), CONFIG);
        assertThat(plan).isEqualTo(new OrderPlanner.Plan.NoTrade(c, "zero stop distance after rounding"));
    }

    @Test
    void stopBelowZero_isEmpty_andPlansNoTrade() {
        assertThat(OrderPlanner.protectiveStop(p("0.50"), Direction.LONG, d("10"), CONFIG)).isEmpty();
        assertThat(OrderPlanner.protectiveStop(p("0.50"), Direction.LONG, d("5"), CONFIG)).isEmpty();
        Candidate c = new Candidate(range("DIME", "0.40", "0.50", "0.40", "0.45"), stats("DIME", "10", "2000000",
                "0.40"), Direction.LONG, Ratio.of(2, 1));
        OrderPlanner.Plan plan = OrderPlanner.plan(c, DAY, d("100000"), CONFIG);
        assertThat(plan).isInstanceOf(OrderPlanner.Plan.NoTrade.class);
        assertThat(((OrderPlanner.Plan.NoTrade) plan).reason()).isEqualTo("stop not positive: -0.5");
    }

    @Test
    void zeroAtr_isZeroStopDistance() {
        assertThat(OrderPlanner.protectiveStop(p("10.00"), Direction.SHORT, BigDecimal.ZERO, CONFIG)).isEmpty();
        assertThatThrownBy(() -> OrderPlanner.protectiveStop(p("10.00"), Direction.SHORT, d("-1"), CONFIG))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void sizing_leverageCapBinds() {
        // risk: 1,000 / 0.10 = 10,000; leverage: 4 × 100,000 / (20 × 50) = 400
        assertThat(OrderPlanner.shares(d("100000"), p("50.00"), p("49.90"), CONFIG)).isEqualTo(400);
    }

    @Test
    void sizing_riskBinds() {
        // risk: 1,000 / 5.00 = 200; leverage 400
        assertThat(OrderPlanner.shares(d("100000"), p("50.00"), p("45.00"), CONFIG)).isEqualTo(200);
        // SHORT: stop above; risk 1,000 / 2.50 = 400 vs leverage 400,000 / (20 × 47.50) = 421.05
        assertThat(OrderPlanner.shares(d("100000"), p("47.50"), p("50.00"), CONFIG)).isEqualTo(400);
    }

    @Test
    void sizing_floorsEachTermExactly() {
        // risk: 1,000 / 0.30 = 3,333.3; leverage: 400,000 / 600 = 666.6 → 666
        assertThat(OrderPlanner.shares(d("100000"), p("30.00"), p("29.70"), CONFIG)).isEqualTo(666);
        // risk: 1,000 / 0.30 = 3,333.3 → 3,333 with a looser leverage cap (topN 1)
        assertThat(OrderPlanner.shares(d("100000"), p("30.00"), p("29.70"), CONFIG.toBuilder().scanTopN(1).build()))
                .isEqualTo(3333);
        // exactly on an integer: risk 1,000 / 0.25 = 4,000
        assertThat(OrderPlanner.shares(d("100000"), p("10.00"), p("9.75"), CONFIG.toBuilder().scanTopN(1).build()))
                .isEqualTo(4000);
    }

    @Test
    void sizing_nonPositiveEquityOrZeroDistance_isZero() {
        assertThat(OrderPlanner.shares(BigDecimal.ZERO, p("10.00"), p("9.90"), CONFIG)).isZero();
        assertThat(OrderPlanner.shares(d("-5"), p("10.00"), p("9.90"), CONFIG)).isZero();
        assertThat(OrderPlanner.shares(d("100000"), p("10.00"), p("10.00"), CONFIG)).isZero();
    }

    @Test
    void lessThanOneShare_plansNoTrade() {
        // leverage: 4 × 1,000 / (20 × 500.10) = 0.39 → 0
        Candidate c = new Candidate(range("BIG", "495.00", "500.10", "494.00", "500.00"),
                stats("BIG", "20", "2000000", "495.00"), Direction.LONG, Ratio.of(2, 1));
        OrderPlanner.Plan plan = OrderPlanner.plan(c, DAY, d("1000"), CONFIG);
        assertThat(plan).isInstanceOf(OrderPlanner.Plan.NoTrade.class);
        assertThat(((OrderPlanner.Plan.NoTrade) plan).reason()).startsWith("fewer than 1 share")
                .contains("equity 1000").contains("over entry 500.10");
    }

    @Test
    void plan_longTrade_carriesEntryStopSizeAndDeterministicId() {
        Candidate c = new Candidate(range("AAPL", "170.00", "171.234", "169.50", "171.00"),
                stats("AAPL", "3.50", "50000000", "169.00"), Direction.LONG, Ratio.of(5, 2));
        OrderPlanner.Plan plan = OrderPlanner.plan(c, DAY, d("100000"), CONFIG);
        // entry 171.24; stop 171.24 − 0.35 = 170.89; risk 1,000 / 0.35 = 2,857; leverage 400,000 / 3,424.80 = 116
        OrderIntent expected = new OrderIntent(ClientOrderId.of(DAY, c.symbol(),
                dev.orb.domain.OrderPurpose.ENTRY, 1), DAY, c.symbol(), Direction.LONG, p("171.24"), p("170.89"), 116,
                TimeInForce.DAY);
        assertThat(plan).isEqualTo(new OrderPlanner.Plan.Trade(c, expected));
        assertThat(expected.clientOrderId().value()).isEqualTo("orb-20240311-AAPL-E-1");
    }

    @Test
    void plan_shortTrade() {
        Candidate c = new Candidate(range("TSLA", "200.00", "200.50", "198.123", "198.50"),
                stats("TSLA", "8.00", "90000000", "201.00"), Direction.SHORT, Ratio.of(3, 1));
        OrderPlanner.Plan plan = OrderPlanner.plan(c, DAY, d("250000"), CONFIG);
        // entry 198.12; stop 198.92; risk 2,500 / 0.80 = 3,125; leverage 1,000,000 / 3,962.40 = 252.3 → 252
        assertThat(plan).isInstanceOf(OrderPlanner.Plan.Trade.class);
        OrderIntent intent = ((OrderPlanner.Plan.Trade) plan).intent();
        assertThat(intent.entryStop()).isEqualTo(p("198.12"));
        assertThat(intent.protectiveStop()).isEqualTo(p("198.92"));
        assertThat(intent.shares()).isEqualTo(252);
        assertThat(intent.direction()).isEqualTo(Direction.SHORT);
    }

    @Test
    void plan_forAnotherSessionThanTheRange_isRejected() {
        Candidate c = Fixtures.candidate("AAPL", Direction.LONG, Ratio.of(2, 1));
        assertThatThrownBy(() -> OrderPlanner.plan(c, DAY.plusDays(1), d("100000"), CONFIG))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("AAPL");
    }

    @Test
    void candidate_mustMatchItsRange() {
        OpeningRange longRange = range("AAPL", "170.00", "171.00", "169.50", "170.50");
        assertThatThrownBy(() -> new Candidate(longRange, stats("AAPL", "1", "1", "1"), Direction.SHORT,
                Ratio.of(1, 1))).isInstanceOf(InvalidValueException.class).hasMessageContaining("AAPL");
        assertThatThrownBy(() -> new Candidate(longRange, stats("MSFT", "1", "1", "1"), Direction.LONG,
                Ratio.of(1, 1))).isInstanceOf(InvalidValueException.class).hasMessageContaining("MSFT");
        OpeningRange doji = range("AAPL", "170.00", "171.00", "169.50", "170.00");
        assertThatThrownBy(() -> new Candidate(doji, stats("AAPL", "1", "1", "1"), Direction.LONG,
                Ratio.of(1, 1))).isInstanceOf(InvalidValueException.class).hasMessageContaining("doji");
    }
}
