package dev.orb.sim.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.orb.domain.TradingSession;
import dev.orb.sim.flatfile.FlatFileDataset;

/**
 * A small random market for properties: 15 warm-up sessions and a few trading sessions of consecutive NYSE dates
 * in 2024 (so some runs cross daylight-saving changes and early closes), four symbols with random walks, opening
 * ranges and a sparse set of later minute bars (missing minutes are the rule here). Prices are whole cents.
 */
final class RandomMarket {
    private static final List<String> SYMBOLS = List.of("AAA", "BBB", "CCC", "DDD");

    private RandomMarket() {
    }

    static FlatFileDataset write(Path root, long seed, int tradingSessions) {
        Random r = new Random(seed);
        List<TradingSession> all = Fixture.NYSE.sessions(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 12, 31));
        int start = r.nextInt(all.size() - 15 - tradingSessions);
        Fixture f = new Fixture(root);
        long[] price = new long[SYMBOLS.size()];
        for (int i = 0; i < price.length; i++) {
            price[i] = 600 + r.nextInt(8000); // $6 to $86, in cents
        }
        for (int k = 0; k < 15 + tradingSessions; k++) {
            TradingSession s = all.get(start + k);
            LocalDate d = s.date();
            int minutes = (int) java.time.Duration.between(s.open(), s.close()).toMinutes();
            for (int i = 0; i < SYMBOLS.size(); i++) {
                String sym = SYMBOLS.get(i);
                if (r.nextInt(40) == 0) {
                    continue; // no trading at all that day: no day row, no bars
                }
                long open = price[i];
                long hi = open;
                long lo = open;
                long p = open;
                long orVolume = k >= 15 && r.nextBoolean() ? 30_000 + r.nextInt(60_000) : 8_000 + r.nextInt(6_000);
                int step = (int) Math.max(1, open / 400);
                for (int m = 0; m < minutes; m++) {
                    boolean inRange = m < 5;
                    if (!inRange && r.nextInt(12) != 0) {
                        continue;
                    }
                    long o = p;
                    long c = Math.max(50, o + (r.nextInt(2 * step + 1) - step) * (inRange ? 2L : 1L)
                            + (r.nextInt(60) == 0 ? (r.nextBoolean() ? 8L : -8L) * step : 0));
                    long h = Math.max(o, c) + r.nextInt(step + 1);
                    long l = Math.max(1, Math.min(o, c) - r.nextInt(step + 1));
                    f.bar(sym, d, String.format("%02d:%02d %s %s %s %s %d", 9 + (30 + m) / 60, (30 + m) % 60,
                            cents(o), cents(h), cents(l), cents(c), inRange ? orVolume / 5 : 1000));
                    hi = Math.max(hi, h);
                    lo = Math.min(lo, l);
                    p = c;
                }
                f.day(sym, d, cents(open) + " " + cents(hi) + " " + cents(lo) + " " + cents(p) + " "
                        + (1_500_000 + r.nextInt(2_000_000)));
                price[i] = Math.max(600, p + (r.nextInt(2 * step + 1) - step) * 3L); // overnight gap
            }
        }
        return f.write();
    }

    private static String cents(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
