package dev.orb.adapter.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.ports.BrokerException;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** One request budget for every REST call: broker, market data and calendar alike; queued, not dropped. */
class RequestBudgetSharingTest {
    @Test
    void brokerDataAndCalendarCalls_spendTheSameBudget() {
        try (AlpacaMock mock = new AlpacaMock();
             AlpacaBroker broker = AlpacaBroker.create(mock.config().budget(3, Duration.ofMinutes(10))
                     .maxQueueWait(Duration.ZERO).build())) {
            mock.enqueue(200, AlpacaJson.account());
            mock.enqueue(200, "[{\"date\":\"2024-03-11\",\"open\":\"09:30\",\"close\":\"16:00\"}]");
            mock.enqueue(200, "{\"bars\":{},\"next_page_token\":null}");

            broker.account();
            broker.calendar().session(LocalDate.of(2024, 3, 11));
            broker.marketData().intradayBars(List.of(Symbol.of("AAPL")), Timeframe.FIVE_MINUTES,
                    Instant.parse("2024-03-11T13:30:00Z"), Instant.parse("2024-03-11T13:35:00Z"));

            assertThatThrownBy(broker::positions).isInstanceOfSatisfying(BrokerException.class, e -> {
                assertThat(e.rejected()).as("never sent, so definitely not executed").isTrue();
                assertThat(e.getMessage()).contains("not sent", "request budget");
            });
            assertThat(mock.server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void requestsBeyondTheBudget_waitForTheNextCycle_andAllGetThrough() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        Dispatcher answer = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                return FakeAlpaca.json(200, AlpacaJson.account());
            }
        };
        try (AlpacaMock mock = new AlpacaMock(answer);
             AlpacaBroker broker = AlpacaBroker.create(mock.config().budget(2, Duration.ofMillis(250))
                     .maxQueueWait(Duration.ofSeconds(10)).build())) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(broker::account));
            }
            for (Future<?> f : calls) {
                f.get();
            }
            pool.shutdown();

            assertThat(arrivals).hasSize(6);
            List<Long> sorted = arrivals.stream().sorted().toList();
            // six requests at two per cycle span three cycles: the fifth cannot start before the third cycle
            assertThat(Duration.ofNanos(sorted.get(4) - sorted.get(0))).isGreaterThan(Duration.ofMillis(200));
        }
    }
}
