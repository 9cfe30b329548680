package dev.orb.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orb.core.session.EngineEvent;
import dev.orb.core.strategy.ScanInput;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;

/** The journal form of the scan event: exact round trips, and journals written in the first format still read. */
class EventCodecScanReadyTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 11);
    private static final Instant OPEN = Instant.parse("2024-03-11T13:30:00Z");
    private static final Symbol AAA = Symbol.of("AAA");
    private static final Symbol BRK = Symbol.of("BRK.B");

    @Test
    void scanReady_roundTripsExactly() {
        DailyStats aaa = new DailyStats(AAA, DAY, new BigDecimal("7").divide(new BigDecimal("3"), 20,
                RoundingMode.HALF_EVEN), new BigDecimal("1234567.8901"), Price.of("10.05"));
        DailyStats brk = new DailyStats(BRK, DAY, BigDecimal.ZERO, new BigDecimal("1E+3"), Price.of("0.0001"));
        DailyStats ccc = new DailyStats(Symbol.of("CCC"), DAY, new BigDecimal("0.50"), new BigDecimal("2000000"),
                Price.of("99.99"));
        Bar minute = new Bar(AAA, OPEN, Timeframe.ONE_MINUTE, Price.of("10.00"), Price.of("10.10"), Price.of("9.90"),
                Price.of("10.05"), 1_000);
        Bar oddStart = new Bar(AAA, OPEN.plusSeconds(60).plusNanos(5), Timeframe.FIVE_MINUTES, Price.of("10.05"),
                Price.of("10.20"), Price.of("10.00"), Price.of("10.10"), Long.MAX_VALUE);
        EngineEvent.ScanReady event = new EngineEvent.ScanReady(OPEN.plusSeconds(300),
                Map.of(AAA, aaa, BRK, brk, ccc.symbol(), ccc), Map.of(AAA, List.of(oddStart, minute), BRK, List.of()),
                Map.of(AAA, new long[] {1, 2, 3}, BRK, new long[0]), Map.of(AAA, new Asset(AAA, true, false, false)));

        String payload = EventCodec.encode(event);
        EngineEvent back = EventCodec.decode("ScanReady", payload);

        assertThat(back).isEqualTo(event);
        EngineEvent.ScanReady scan = (EngineEvent.ScanReady) back;
        assertThat(scan.bars().get(AAA)).containsExactly(oddStart, minute);
        assertThat(scan.orVolumeHistory().get(BRK)).isEmpty();
        assertThat(scan.orVolumeHistory()).doesNotContainKey(ccc.symbol());
        assertThat(scan.universe().get(AAA).atr14()).isEqualTo(aaa.atr14()).hasScaleOf(20);
        assertThat(EventCodec.encode(back)).isEqualTo(payload);
    }

    @Test
    void scanReady_ofTheFirstFormat_stillDecodes() {
        String firstFormat = "{\"at\":\"2024-03-11T13:35:00Z\","
                + "\"universe\":{\"AAA\":[\"2024-03-11\",\"0.50\",\"2000000\",\"10050000000\"]},"
                + "\"bars\":{\"AAA\":[[\"2024-03-11T13:30:00Z\",\"1\",\"10000000000\",\"10100000000\",\"9900000000\","
                + "\"10050000000\",\"1000\"]]},"
                + "\"history\":{\"AAA\":[\"5\",\"6\"]},"
                + "\"assets\":{\"AAA\":[true,true,false]}}";

        EngineEvent.ScanReady scan = (EngineEvent.ScanReady) EventCodec.decode("ScanReady", firstFormat);

        assertThat(scan.at()).isEqualTo(Instant.parse("2024-03-11T13:35:00Z"));
        assertThat(scan.input()).isEqualTo(ScanInput.of(
                Map.of(AAA, new DailyStats(AAA, DAY, new BigDecimal("0.50"), new BigDecimal("2000000"),
                        Price.of("10.05"))),
                Map.of(AAA, List.of(new Bar(AAA, OPEN, Timeframe.ONE_MINUTE, Price.of("10.00"), Price.of("10.10"),
                        Price.of("9.90"), Price.of("10.05"), 1_000))),
                Map.of(AAA, new long[] {5, 6})));
        assertThat(scan.assets()).containsEntry(AAA, new Asset(AAA, true, true, false));
    }

    @Test
    void aDamagedBar_isNamedInTheError() {
        String payload = EventCodec.encode(new EngineEvent.ScanReady(OPEN, Map.of(AAA, new DailyStats(AAA, DAY,
                BigDecimal.ONE, BigDecimal.ONE, Price.of("1"))), Map.of(AAA, List.of(new Bar(AAA, OPEN,
                Timeframe.ONE_MINUTE, Price.of("1"), Price.of("1"), Price.of("1"), Price.of("1"), 1))), Map.of(),
                Map.of()));
        String damaged = payload.replace(",1\"]]", "\"]]");

        assertThat(damaged).isNotEqualTo(payload);
        assertThatThrownBy(() -> EventCodec.decode("ScanReady", damaged))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("journal entry of type ScanReady cannot be decoded")
                .hasMessageContaining("bar of AAA")
                .hasMessageContaining("is not 8 numbers");
    }
}
