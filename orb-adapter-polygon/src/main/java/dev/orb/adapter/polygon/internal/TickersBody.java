package dev.orb.adapter.polygon.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A page of {@code /v3/reference/tickers}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TickersBody(
        @JsonProperty("status") String status,
        @JsonProperty("error") String error,
        @JsonProperty("message") String message,
        @JsonProperty("next_url") String nextUrl,
        @JsonProperty("results") List<Ticker> results) implements PolygonBody {

    List<Ticker> rows() {
        return results == null ? List.of() : results;
    }

    /** One reference entry; only the fields orb uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ticker(
            @JsonProperty("ticker") String ticker,
            @JsonProperty("type") String type,
            @JsonProperty("active") Boolean active) {
    }
}
