package dev.orb.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

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

class PreTradeChecksTest {
    private static final OrbConfig CONFIG = OrbConfig.defaults();
    private static final LocalDate DAY = LocalDate.of(2024, 3, 11);
    private static final Symbol AAPL = Symbol.of("AAPL");

    /** LONG AAPL 10 shares at 100.00, stop 99.00: notional 1,000. */
    private static final OrderIntent LONG = intent(Direction.LONG, "100.00", "99.00", 10);
    private static final OrderIntent SHORT = intent(Direction.SHORT, "100.00", "101.00", 10);

    static OrderIntent intent(Direction direction, String entry, String stop, long shares) {
        return new OrderIntent(ClientOrderId.of(DAY, AAPL, OrderPurpose.ENTRY, 1), DAY, AAPL, direction,
                Price.of(entry), Price.of(stop), shares, TimeInForce.DAY);
    }

    static Account account(String equity, String lastEquity, String buyingPower, boolean pdt, int dayTrades,
                           boolean shortingEnabled) {
        return new Account(new BigDecimal(equity), new BigDecimal(lastEquity), new BigDecimal(buyingPower), 4, pdt,
                dayTrades, false, false, shortingEnabled);
    }

    /** A context in which {@link #LONG} and {@link #SHORT} pass every check. */
    private static Ctx ok() {
        return new Ctx();
    }

    /** Mutable builder of a {@link RiskContext} for the examples. */
    private static final class Ctx {
        Account account = account("100000", "100000", "400000", false, 0, true);
        BigDecimal startEquity = new BigDecimal("100000");
        boolean kill;
        boolean window = true;
        int open;
        int working;
        BigDecimal positionsNotional = BigDecimal.ZERO;
        BigDecimal workingNotional = BigDecimal.ZERO;
        Set<Symbol> entered = Set.of();
        int committed;
        Map<Symbol, Asset> assets = Map.of(AAPL, Asset.fullyTradable(AAPL));

        RiskContext build() {
            return new RiskContext(account, startEquity, kill, window, open, working, positionsNotional,
                    workingNotional, entered, committed, assets);
        }

        RiskDecision check(OrderIntent intent) {
            return PreTradeChecks.check(intent, build(), CONFIG);
        }
    }

    private static RejectReason reason(RiskDecision decision) {
        assertThat(decision).isInstanceOf(RiskDecision.Reject.class);
        return ((RiskDecision.Reject) decision).reason();
    }

    private static String detail(RiskDecision decision) {
        return ((RiskDecision.Reject) decision).detail();
    }

    @Test
    void everyCheckPassing_accepts() {
        assertThat(ok().check(LONG)).isEqualTo(RiskDecision.accept());
        assertThat(ok().check(LONG).accepted()).isTrue();
        assertThat(ok().check(SHORT).accepted()).isTrue();
    }

    @Test
    void killSwitch_rejectsFirst() {
        Ctx c = ok();
        c.kill = true;
        c.window = false;
        assertThat(reason(c.check(LONG))).isEqualTo(RejectReason.KILL_SWITCH);
        assertThat(c.check(LONG).accepted()).isFalse();
    }

    @Test
    void entryWindowClosed_isMarketClosed() {
        Ctx c = ok();
        c.window = false;
        assertThat(reason(c.check(LONG))).isEqualTo(RejectReason.MARKET_CLOSED);
    }

    @Test
    void blockedAccountOrTrading_isAccountBlocked() {
        Ctx c = ok();
        c.account = new Account(new BigDecimal("100000"), new BigDecimal("100000"), new BigDecimal("400000"), 4, false,
                0, false, true, true);
        assertThat(reason(c.check(LONG))).isEqualTo(RejectReason.ACCOUNT_BLOCKED);
        c.account = new Account(new BigDecimal("100000"), new BigDecimal("100000"), new BigDecimal("400000"), 4, false,
                0, true, false, true);
        assertThat(reason(c.check(LONG))).isEqualTo(RejectReason.ACCOUNT_BLOCKED);
    }

    @Test
    void offTickOrWrongSidePrices_areInvalidPrice() {
        // OrderIntent cannot carry such prices, so the check is exercised on its own
        assertThat(PreTradeChecks.priceProblem(AAPL, Direction.LONG, Price.of("100.005"), Price.of("99.00")))
                .map(PreTradeChecksTest::reason).contains(RejectReason.INVALID_PRICE);
        assertThat(PreTradeChecks.priceProblem(AAPL, Direction.LONG, Price.of("100.00"), Price.of("0.99995")))
                .map(PreTradeChecksTest::reason).contains(RejectReason.INVALID_PRICE);
        assertThat(PreTradeChecks.priceProblem(AAPL, Direction.LONG, Price.of("100.00"), Price.of("100.00")))
                .map(PreTradeChecksTest::reason).contains(RejectReason.INVALID_PRICE);
        assertThat(PreTradeChecks.priceProblem(AAPL, Direction.SHORT, Price.of("100.00"), Price.of("99.00")))
                .map(PreTradeChecksTest::reason).contains(RejectReason.INVALID_PRICE);
        assertThat(PreTradeChecks.priceProblem(AAPL, Direction.SHORT, Price.of("0.9999"), Price.of("1.01")))
                .isEmpty();
    }

    @Test
    void fewerThanOneShare_isZeroShares() {
        assertThat(PreTradeChecks.sharesProblem(AAPL, 0)).map(PreTradeChecksTest::reason)
                .contains(RejectReason.ZERO_SHARES);
        assertThat(PreTradeChecks.sharesProblem(AAPL, -3)).map(PreTradeChecksTest::reason)
                .contains(RejectReason.ZERO_SHARES);
        assertThat(PreTradeChecks.sharesProblem(AAPL, 1)).isEmpty();
    }

    @Test
    void secondEntryForTheSymbolThisSession_isDuplicate() {
        Ctx c = ok();
        c.entered = Set.of(AAPL);
        assertThat(reason(c.check(LONG))).isEqualTo(RejectReason.DUPLICATE_ENTRY);
        c.entered = Set.of(Symbol.of("MSFT"));
        assertThat(c.check(LONG).accepted()).isTrue();
    }

    @Test
    void assetNotTradable_isRejected_butAnUnknownAssetMayBeBought() {
        Ctx c = ok();
        c.assets = Map.of(AAPL, new Asset(AAPL, false, true, true));
        assertThat(reason(c.check(LONG))).isEqualTo(RejectReason.NOT_TRADABLE);
        c.assets = Map.of();
        assertThat(c.check(LONG).accepted()).isTrue();
    }

    @Test
    void shortOfAnUnshortableOrUnknownAsset_isNotShortable() {
        Ctx c = ok();
        c.assets = Map.of(AAPL, new Asset(AAPL, true, false, true));
        assertThat(reason(c.check(SHORT))).isEqualTo(RejectReason.NOT_SHORTABLE);
        c.assets = Map.of(AAPL, new Asset(AAPL, true, true, false));
        assertThat(reason(c.check(SHORT))).isEqualTo(RejectReason.NOT_SHORTABLE);
        assertThat(detail(c.check(SHORT))).contains("easy to borrow");
        c.assets = Map.of();
        assertThat(reason(c.check(SHORT))).isEqualTo(RejectReason.NOT_SHORTABLE);
    }

    @Test
    void shortWithShortingDisabledOrTooLittleEquity_isNotShortable() {
        Ctx c = ok();
        c.account = account("100000", "100000", "400000", false, 0, false);
        assertThat(reason(c.check(SHORT))).isEqualTo(RejectReason.NOT_SHORTABLE);
        c.account = account("1999.99", "100000", "400000", false, 0, true);
        assertThat(reason(c.check(SHORT))).isEqualTo(RejectReason.NOT_SHORTABLE);
        assertThat(detail(c.check(SHORT))).contains("1999.99").contains("2000");
        c.account = account("2000.00", "100000", "400000", false, 0, true);
        assertThat(c.check(SHORT).accepted()).isTrue();
    }

    @Test
    void fourthDayTradeUnder25k_isPatternDayTrader() {
        Ctx c = ok();
        c.account = account("24999.99", "24999.99", "100000", false, 2, true);
        c.committed = 0;
        assertThat(c.check(LONG).accepted()).as("2 + 0 + 1 = 3 day trades").isTrue();
        c.committed = 1;
        RiskDecision decision = c.check(LONG);
        assertThat(reason(decision)).isEqualTo(RejectReason.PATTERN_DAY_TRADER);
        assertThat(detail(decision)).contains("24999.99").contains("2 day trades").contains("1 committed");
        c.account = account("25000", "25000", "100000", false, 2, true);
        assertThat(c.check(LONG).accepted()).as("last equity at the threshold").isTrue();
        c.account = account("26000", "24000", "100000", true, 5, true);
        assertThat(c.check(LONG).accepted()).as("flagged PDT with equity above the threshold").isTrue();
        c.account = account("24000", "24000", "100000", true, 5, true);
        assertThat(reason(c.check(LONG))).isEqualTo(RejectReason.PATTERN_DAY_TRADER);
    }

    @Test
    void sixthPositionOrWorkingEntry_isMaxPositions() {
        Ctx c = ok();
        c.open = 3;
        c.working = 1;
        assertThat(c.check(LONG).accepted()).isTrue();
        c.working = 2;
        RiskDecision decision = c.check(LONG);
        assertThat(reason(decision)).isEqualTo(RejectReason.MAX_POSITIONS);
        assertThat(detail(decision)).isEqualTo("3 open + 2 working + 1 > max 5");
    }

    @Test
    void notionalAboveFourTimesStartEquity_isLeverageCap() {
        Ctx c = ok();
        c.positionsNotional = new BigDecimal("300000");
        c.workingNotional = new BigDecimal("99000");
        assertThat(c.check(LONG).accepted()).as("exactly 400,000").isTrue();
        c.workingNotional = new BigDecimal("99000.01");
        RiskDecision decision = c.check(LONG);
        assertThat(reason(decision)).isEqualTo(RejectReason.LEVERAGE_CAP);
        assertThat(detail(decision)).contains("400000.01").contains("400000");
    }

    @Test
    void workingEntriesAboveBuyingPower_isBuyingPower() {
        Ctx c = ok();
        c.account = account("100000", "100000", "1000.00", false, 0, true);
        assertThat(c.check(LONG).accepted()).as("exactly the buying power").isTrue();
        c.workingNotional = new BigDecimal("0.01");
        RiskDecision decision = c.check(LONG);
        assertThat(reason(decision)).isEqualTo(RejectReason.BUYING_POWER);
        assertThat(detail(decision)).contains("1000.01").contains("1000.00");
    }
}
