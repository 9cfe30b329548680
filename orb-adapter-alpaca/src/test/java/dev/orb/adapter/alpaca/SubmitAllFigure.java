package dev.orb.adapter.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderType;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The figure of docs/alpaca.md: wall time until 20 OTO entry orders are acknowledged by a mock that answers each
 * POST after 20 ms, through the real adapter (alpaca-java, budget, interceptors), at several parallelisms. A
 * measurement, not a test of speed: it asserts only that every order was acknowledged once. Skipped unless
 * {@code -Dorb.figures=true}; command in docs/alpaca.md.
 */
@EnabledIfSystemProperty(named = "orb.figures", matches = "true")
class SubmitAllFigure {
    private static final int ORDERS = 20;
    private static final int WARMUP_TRIALS = 5;
    private static final int TRIALS = 15;
    private static final long LATENCY_MS = 20;

    @Test
    void twentyEntriesAgainstA20msBroker() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Dispatcher slowBroker = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                Thread.sleep(LATENCY_MS);
                String id = AlpacaJson.parse(request.getBody().readUtf8()).get("client_order_id").getAsString();
                assertThat(seen.add(id)).as("one POST per client order id").isTrue();
                return FakeAlpaca.json(200, new AlpacaJson.Order("ord-" + id, id, "SPY").set("status", "accepted").json());
            }
        };
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%n20 OTO entries, mock answers each POST after %d ms, %d trials (fresh broker per trial)%n"
                        + "parallelism | cold median | cold max | warm median | warm max   (ms)%n", LATENCY_MS, TRIALS));
        try (AlpacaMock mock = AlpacaMock.withoutNagle(slowBroker)) {
            int round = 0;
            for (int parallelism : new int[] {1, 4, 8, 10, 20}) {
                List<Double> cold = new ArrayList<>();
                List<Double> warm = new ArrayList<>();
                for (int t = 0; t < WARMUP_TRIALS + TRIALS; t++) {
                    try (AlpacaBroker broker = AlpacaBroker.create(mock.config().requestsPerMinute(200)
                            .submitParallelism(parallelism).build())) {
                        double c = timeRound(broker, round++);
                        double w = timeRound(broker, round++);
                        if (t >= WARMUP_TRIALS) {
                            cold.add(c);
                            warm.add(w);
                        }
                    }
                }
                report.append(String.format(Locale.ROOT, "%11d | %11.1f | %8.1f | %11.1f | %8.1f%n", parallelism,
                        median(cold), Collections.max(cold), median(warm), Collections.max(warm)));
            }
        }
        System.out.println(report);
    }

    /** Wall time of one submitAll of 20 entries (fresh client order ids), all acknowledged. */
    private static double timeRound(AlpacaBroker broker, int round) {
        List<OrderRequest> entries = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Symbol s = Symbol.of("S" + i);
            entries.add(new OrderRequest(ClientOrderId.of(LocalDate.of(2024, 3, 11), s, OrderPurpose.ENTRY, round + 1),
                    s, OrderSide.BUY, OrderType.STOP, 100, Price.of("301.50"), null, TimeInForce.DAY, Price.of("295.00")));
        }
        long start = System.nanoTime();
        List<SubmitResult> results = broker.submitAll(entries);
        double ms = Duration.ofNanos(System.nanoTime() - start).toNanos() / 1e6;
        assertThat(results).allMatch(SubmitResult::acknowledged);
        return ms;
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }
}
