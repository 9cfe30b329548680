package dev.orb.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orb.core.fakes.InMemoryAuditQueries;
import dev.orb.dashboard.internal.Json;
import dev.orb.dashboard.internal.JsonOut;
import dev.orb.dashboard.internal.Redactor;
import dev.orb.dashboard.internal.Views;
import dev.orb.domain.Direction;
import dev.orb.ports.query.LogFilter;
import dev.orb.ports.query.LogLevel;
import dev.orb.ports.query.PageRequest;
import dev.orb.ports.query.TradeFilter;
import dev.orb.ports.query.TradeStatus;

/**
 * {@link InMemoryAuditQueries} answers as the JDBC adapter does: the same three trading days run on both, and every
 * query the dashboard makes gives the same rows in the same order (compared through the dashboard's JSON views,
 * which also make the comparison independent of the decimal scale each store keeps).
 */
class AuditQueriesOnFakesTest {
    private final Views views = new Views(new Redactor(List.of()));

    @TempDir
    Path dir;
    TradingFixture h2;
    TradingFixture memory;

    @BeforeEach
    void run() {
        h2 = TradingFixture.onH2(dir);
        memory = TradingFixture.inMemory();
    }

    @AfterEach
    void close() throws Exception {
        h2.close();
        memory.close();
    }

    private <T> void same(Function<TradingFixture, List<T>> query, BiConsumer<JsonOut, T> view) {
        List<String> a = query.apply(h2).stream().map(t -> Json.write(o -> view.accept(o, t))).toList();
        List<String> b = query.apply(memory).stream().map(t -> Json.write(o -> view.accept(o, t))).toList();
        assertThat(b).isNotEmpty().containsExactlyElementsOf(a);
    }

    @Test
    void trades_sameRowsPagesAndOrder() {
        same(f -> f.audit.trades(TradeFilter.all(), PageRequest.first(100)).items(), views::trade);
        same(f -> f.audit.trades(TradeFilter.all().withDirection(Direction.SHORT).withStatus(TradeStatus.CLOSED),
                new PageRequest(1, 1)).items(), views::trade);
        assertThat(memory.audit.trades(TradeFilter.all(), PageRequest.first(2)).total())
                .isEqualTo(h2.audit.trades(TradeFilter.all(), PageRequest.first(2)).total());
    }

    @Test
    void signalChains_sameSignalsOrdersEventsAndLatencies() {
        same(f -> f.audit.signalChains(TradingFixture.TODAY), views::chain);
        same(f -> f.audit.signalChains(TradingFixture.DAY1), views::chain);
    }

    @Test
    void logs_sameFilteringAndOrder() {
        same(f -> f.audit.logs(LogFilter.all(), PageRequest.first(50)).items(), views::log);
        same(f -> f.audit.logs(LogFilter.all().withMinLevel(LogLevel.WARN), PageRequest.first(50)).items(), views::log);
        same(f -> f.audit.logs(LogFilter.all().withComponent("dev.orb.adapter"), PageRequest.first(50)).items(),
                views::log);
        same(f -> f.audit.logs(LogFilter.all().withText("STREAM"), PageRequest.first(50)).items(), views::log);
    }

    @Test
    void equityCurveOpeningRangesAndUniverse_same() {
        same(f -> f.audit.equityCurve(TradingFixture.DAY1, TradingFixture.TODAY), views::equityPoint);
        same(f -> f.audit.openingRangePage(TradingFixture.TODAY, true, PageRequest.first(10)).items(),
                views::openingRange);
    }

    @Test
    void deletingOldLogs_countsAndHidesTheSameLines() {
        java.time.Instant cutoff = h2.clock.now().minus(Duration.ofSeconds(25));
        assertThat(memory.maintenance.deleteLogsBefore(cutoff)).isEqualTo(h2.maintenance.deleteLogsBefore(cutoff))
                .isEqualTo(3);
        same(f -> f.audit.logs(LogFilter.all(), PageRequest.first(50)).items(), views::log);
    }
}
