package dev.orb.core.live;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.journal.EventCodec;
import dev.orb.core.session.Command;
import dev.orb.core.session.Decision;
import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.SessionEngine;
import dev.orb.core.session.SessionState;
import dev.orb.core.strategy.ScanInput;
import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.DailyStats;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;

/**
 * A dress rehearsal of the morning scan, run when a day starts: a fresh {@link SessionEngine} opens a made-up
 * session and decides a scan of the day's stored universe with made-up opening-range bars, the scan's records are
 * read, and the journal's codec encodes and decodes the event — the code the real 09:35 scan runs, which otherwise
 * runs once a day, cold, in the JVM's interpreter. After a few rehearsals it is compiled, and the first order goes
 * out several hundred milliseconds sooner for a whole-market universe (docs/performance.md, "The 09:35 path").
 *
 * <p>It has no effect: it takes no port (no broker, storage, journal or clock), its engine and events are its own
 * and are dropped, and nothing it computes is kept. Stateless and thread-safe.
 */
final class ScanRehearsal {
    private static final BigDecimal EQUITY = new BigDecimal("100000");
    private static final Account ACCOUNT = new Account(EQUITY, EQUITY, EQUITY.multiply(BigDecimal.valueOf(4)), 4,
            true, 0, false, false, true);

    private ScanRehearsal() {
    }

    /**
     * Rehearses the scan {@code times} times over those of {@code universe}'s statistics that are for the session.
     *
     * @return the number of orders the rehearsed engine would have placed in the last rehearsal (for the log)
     */
    static int run(TradingSession session, OrbConfig config, List<DailyStats> universe, int times) {
        List<DailyStats> today = universe.stream().filter(s -> s.session().equals(session.date())).toList();
        if (times == 0 || today.isEmpty()) {
            return 0;
        }
        Map<Symbol, Asset> assets = new TreeMap<>();
        for (DailyStats s : today) {
            assets.put(s.symbol(), new Asset(s.symbol(), true, true, true));
        }
        int orders = 0;
        for (int t = 0; t < times; t++) {
            EngineEvent.ScanReady scan = new EngineEvent.ScanReady(
                    session.openInstant().plusSeconds(60L * config.openingRangeMinutes()), input(session, config, today),
                    assets);
            SessionEngine engine = new SessionEngine(config);
            SessionState open = engine.decide(SessionState.initial(), new EngineEvent.SessionOpened(
                    session.openInstant(), session, ACCOUNT, KillSwitchState.initial())).state();
            Decision decision = engine.decide(open, scan);
            orders = 0;
            for (Command c : decision.commands()) {
                if (c instanceof Command.SubmitOrder) {
                    orders++;
                } else if (c instanceof Command.PersistOpeningRanges p) {
                    p.records().forEach(r -> r.range().volume());
                }
            }
            EventCodec.decode(EventCodec.type(scan), EventCodec.encode(scan));
        }
        return orders;
    }

    /**
     * Made-up one-minute bars over the opening range for each symbol, around its previous close: a third of the
     * symbols rise, a third fall, a third end where they opened (dojis), with volumes that put RVOL on both sides of
     * the usual minimum.
     */
    private static ScanInput input(TradingSession session, OrbConfig config, List<DailyStats> universe) {
        int minutes = config.openingRangeMinutes();
        long open = session.openInstant().getEpochSecond();
        long[] history = new long[config.rvolLookback()];
        Arrays.fill(history, 1_000 * (long) minutes);
        ScanInput.Builder input = ScanInput.builder(universe.size());
        int i = 0;
        for (DailyStats s : universe) {
            input.symbol(s, history);
            long price = s.prevClose().nanos();
            long tick = price >= Price.NANOS_PER_DOLLAR ? Price.NANOS_PER_DOLLAR / 100 : Price.NANOS_PER_DOLLAR / 10_000;
            long step = tick * (i % 3 - 1);
            for (int m = 0; m < minutes; m++) {
                long o = Math.max(tick, price + step * m);
                long c = Math.max(tick, price + step * (m + 1));
                input.bar(open + 60L * m, 0, 1, o, Math.max(o, c) + tick, Math.max(1, Math.min(o, c) - tick), c,
                        500 + 250L * (i % 7));
            }
            i++;
        }
        return input.build();
    }
}
