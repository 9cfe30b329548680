package dev.orb.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class JsonTest {
    @Property
    void instantsAreWrittenExactlyAsInstantToString(
            @ForAll @LongRange(min = -62_300_000_000L, max = 253_500_000_000L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 3) int round) {
        // nanos rounded to whole seconds, milliseconds or microseconds as often as not: each fraction width
        int n = switch (round) {
            case 0 -> 0;
            case 1 -> nanos / 1_000_000 * 1_000_000;
            case 2 -> nanos / 1000 * 1000;
            default -> nanos;
        };
        Instant t = Instant.ofEpochSecond(seconds, n);
        assertThat(Json.instant(t)).isEqualTo(t.toString());
    }

    @Test
    void instantEdges() {
        for (String s : new String[] {"1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "2024-02-29T23:59:59.001Z", "1969-12-31T23:59:59.000001Z", "-0001-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z"}) {
            Instant t = Instant.parse(s);
            assertThat(Json.instant(t)).isEqualTo(t.toString()).isEqualTo(s);
        }
    }

    @Test
    void aStreamedObjectIsCompactJsonWithTheConventions() {
        String json = Json.write(o -> o.startObject().money("pnl", new BigDecimal("-118.800000"))
                .time("at", Instant.parse("2024-03-14T14:15:00Z")).stat("sharpe", Double.NaN).string("text", null)
                .startArray("a").startObject().number("n", 1).endObject().endArray().endObject());
        assertThat(json).isEqualTo("{\"pnl\":\"-118.80\",\"at\":\"2024-03-14T14:15:00Z\",\"sharpe\":null,\"text\":null,"
                + "\"a\":[{\"n\":1}]}");
    }
}
