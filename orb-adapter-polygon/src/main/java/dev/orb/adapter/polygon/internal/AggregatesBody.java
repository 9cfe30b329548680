package dev.orb.adapter.polygon.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A grouped-daily or per-ticker aggregates response. {@code results} missing or null means no data.
 *
 * @param results the bars, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AggregatesBody(
        @JsonProperty("status") String status,
        @JsonProperty("error") String error,
        @JsonProperty("message") String message,
        @JsonProperty("next_url") String nextUrl,
        @JsonProperty("results") List<Aggregate> results) implements PolygonBody {

    List<Aggregate> rows() {
        return results == null ? List.of() : results;
    }

    /**
     * One aggregate as Polygon sends it; every field may be missing and is validated by {@link AggregateMapper}.
     *
     * @param ticker {@code T}, present in grouped daily only
     * @param open   {@code o}
     * @param high   {@code h}
     * @param low    {@code l}
     * @param close  {@code c}
     * @param volume {@code v}, may be fractional
     * @param start  {@code t}, window start in epoch milliseconds
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Aggregate(
            @JsonProperty("T") String ticker,
            @JsonProperty("o") Double open,
            @JsonProperty("h") Double high,
            @JsonProperty("l") Double low,
            @JsonProperty("c") Double close,
            @JsonProperty("v") Double volume,
            @JsonProperty("t") Long start) {
    }
}
