package dev.orb.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Direction;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class PreTradeChecksPropertiesTest {
    private static final OrbConfig CONFIG = OrbConfig.defaults();
    private static final LocalDate DAY = LocalDate.of(2024, 3, 11);
    private static final Symbol SYMBOL = Symbol.of("XYZ");

    enum AssetState { FULL, MISSING, NOT_TRADABLE, NOT_SHORTABLE, NOT_EASY_TO_BORROW }

    /**
     * Each limit is restated here on its own; the check must reject exactly when at least one is exceeded, with the
     * reason of the first in safety order.
     */
    @Property
    void neverAcceptsWhenAnyLimitIsExceeded(
            @ForAll("rarely") boolean kill, @ForAll("rarely") boolean windowClosed,
            @ForAll("rarely") boolean accountBlocked, @ForAll("rarely") boolean tradingBlocked,
            @ForAll("rarely") boolean duplicate, @ForAll("assetStates") AssetState assetState,
            @ForAll Direction direction, @ForAll("rarely") boolean shortingDisabled,
            @ForAll("money") BigDecimal equity, @ForAll("mostlyAboveThresholds") BigDecimal lastEquity, @ForAll boolean flaggedPdt,
            @ForAll @IntRange(min = 0, max = 5) int dayTradeCount, @ForAll @IntRange(min = 0, max = 3) int committed,
            @ForAll @IntRange(min = 0, max = 5) int open, @ForAll @IntRange(min = 0, max = 3) int working,
            @ForAll("notional") BigDecimal positionsNotional, @ForAll("notional") BigDecimal workingNotional,
            @ForAll("buyingPowers") BigDecimal buyingPower, @ForAll("mostlyAboveThresholds") BigDecimal startEquity,
            @ForAll @LongRange(min = 100, max = 50_000) long entryCents,
            @ForAll @LongRange(min = 1, max = 2_000) long shares) {
        Price entry = Price.ofCents(entryCents);
        Price stop = Price.ofCents(direction == Direction.LONG ? entryCents - 1 : entryCents + 1);
        OrderIntent intent = new OrderIntent(ClientOrderId.of(DAY, SYMBOL, OrderPurpose.ENTRY, 1), DAY, SYMBOL,
                direction, entry, stop, shares, TimeInForce.DAY);
        Account account = new Account(equity, lastEquity, buyingPower, 4, flaggedPdt, dayTradeCount, tradingBlocked,
                accountBlocked, !shortingDisabled);
        Map<Symbol, Asset> assets = new HashMap<>();
        switch (assetState) {
            case FULL -> assets.put(SYMBOL, Asset.fullyTradable(SYMBOL));
            case NOT_TRADABLE -> assets.put(SYMBOL, new Asset(SYMBOL, false, true, true));
            case NOT_SHORTABLE -> assets.put(SYMBOL, new Asset(SYMBOL, true, false, false));
            case NOT_EASY_TO_BORROW -> assets.put(SYMBOL, new Asset(SYMBOL, true, true, false));
            case MISSING -> { }
        }
        RiskContext context = new RiskContext(account, startEquity, kill, !windowClosed, open, working,
                positionsNotional, workingNotional, duplicate ? Set.of(SYMBOL) : Set.of(), committed, assets);

        RiskDecision decision = PreTradeChecks.check(intent, context, CONFIG);

        BigDecimal notional = entry.toBigDecimal().multiply(BigDecimal.valueOf(shares));
        boolean shortable = assetState == AssetState.FULL && !shortingDisabled
                && equity.compareTo(new BigDecimal("2000")) >= 0;
        boolean pdtExempt = lastEquity.compareTo(new BigDecimal("25000")) >= 0
                || flaggedPdt && equity.compareTo(new BigDecimal("25000")) >= 0;
        Optional<RejectReason> expected = firstOf(
                kill ? RejectReason.KILL_SWITCH : null,
                windowClosed ? RejectReason.MARKET_CLOSED : null,
                accountBlocked || tradingBlocked ? RejectReason.ACCOUNT_BLOCKED : null,
                duplicate ? RejectReason.DUPLICATE_ENTRY : null,
                assetState == AssetState.NOT_TRADABLE ? RejectReason.NOT_TRADABLE : null,
                direction == Direction.SHORT && !shortable ? RejectReason.NOT_SHORTABLE : null,
                !pdtExempt && dayTradeCount + committed + 1 > 3 ? RejectReason.PATTERN_DAY_TRADER : null,
                open + working + 1 > 5 ? RejectReason.MAX_POSITIONS : null,
                positionsNotional.add(workingNotional).add(notional)
                        .compareTo(startEquity.multiply(BigDecimal.valueOf(4))) > 0 ? RejectReason.LEVERAGE_CAP : null,
                workingNotional.add(notional).compareTo(buyingPower) > 0 ? RejectReason.BUYING_POWER : null);

        if (expected.isPresent()) {
            assertThat(decision.accepted()).isFalse();
            assertThat(((RiskDecision.Reject) decision).reason()).isEqualTo(expected.get());
        } else {
            assertThat(decision).isEqualTo(RiskDecision.accept());
        }
    }

    private static Optional<RejectReason> firstOf(RejectReason... reasons) {
        for (RejectReason r : reasons) {
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Provide
    Arbitrary<Boolean> rarely() {
        return Arbitraries.frequencyOf(
                Tuple.of(25, Arbitraries.just(false)),
                Tuple.of(1, Arbitraries.just(true)));
    }

    @Provide
    Arbitrary<AssetState> assetStates() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(AssetState.FULL)),
                Tuple.of(1, Arbitraries.of(AssetState.class)));
    }

    /** Equity-like amounts, often exactly at or a cent off the $2,000 and $25,000 thresholds. */
    @Provide
    Arbitrary<BigDecimal> money() {
        return Arbitraries.oneOf(
                Arbitraries.of(new BigDecimal("1999.99"), new BigDecimal("2000.00"), new BigDecimal("24999.99"),
                        new BigDecimal("25000.00"), new BigDecimal("25000.01"), BigDecimal.ZERO),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("150000")).ofScale(2));
    }

    @Provide
    Arbitrary<BigDecimal> mostlyAboveThresholds() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bigDecimals().between(new BigDecimal("25000"),
                        new BigDecimal("150000")).ofScale(2)),
                Tuple.of(1, money()));
    }

    @Provide
    Arbitrary<BigDecimal> notional() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(3, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000"))
                        .ofScale(2)),
                Tuple.of(1, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("600000"))
                        .ofScale(2)));
    }

    @Provide
    Arbitrary<BigDecimal> buyingPowers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bigDecimals().between(new BigDecimal("100000"),
                        new BigDecimal("1000000")).ofScale(2)),
                Tuple.of(1, notional()));
    }
}
