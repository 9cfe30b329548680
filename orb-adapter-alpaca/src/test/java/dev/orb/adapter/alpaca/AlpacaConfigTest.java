package dev.orb.adapter.alpaca;

import static dev.orb.adapter.alpaca.AlpacaJson.PAPER_KEY;
import static dev.orb.adapter.alpaca.AlpacaJson.PAPER_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.TradingMode;

/** Configuration defaults, validation and secrecy. */
class AlpacaConfigTest {
    @Test
    void defaults_areTheDocumentedOnes() {
        AlpacaConfig c = AlpacaConfig.builder().paper(PAPER_KEY, PAPER_SECRET).build();

        assertThat(c.mode()).isEqualTo(TradingMode.PAPER);
        assertThat(c.feed()).isEqualTo(DataFeed.IEX);
        assertThat(c.requestsPerMinute()).isEqualTo(200);
        assertThat(c.submitParallelism()).isEqualTo(AlpacaConfig.DEFAULT_SUBMIT_PARALLELISM);
        assertThat(c.credentials(TradingMode.LIVE)).isEmpty();
    }

    @Test
    void toString_neverShowsTheSecret_norTheWholeKeyId() {
        AlpacaConfig c = AlpacaConfig.builder().paper(PAPER_KEY, PAPER_SECRET).live("AKLIVE123456", "live-secret-xyz")
                .build();

        assertThat(c.toString()).doesNotContain(PAPER_SECRET, "live-secret-xyz", PAPER_KEY, "AKLIVE123456")
                .contains("PKTE…", "<redacted>");
        assertThat(c.credentials(TradingMode.PAPER).orElseThrow().toString()).doesNotContain(PAPER_SECRET);
    }

    @Test
    void invalidSecret_isRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> AlpacaConfig.builder().paper(PAPER_KEY, "sec ret with spaces"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("secretKey")
                .hasMessageNotContaining("sec ret");
    }

    @Test
    void modeWithoutItsKeys_isRefused() {
        assertThatThrownBy(() -> AlpacaConfig.builder().paper(PAPER_KEY, PAPER_SECRET).mode(TradingMode.LIVE).build())
                .isInstanceOf(InvalidValueException.class).hasMessage("AlpacaConfig.mode: LIVE needs live credentials");
    }

    @Test
    void badNumbers_areNamedInTheMessage() {
        var b = AlpacaConfig.builder().paper(PAPER_KEY, PAPER_SECRET);

        assertThatThrownBy(() -> b.requestsPerMinute(0).build()).hasMessageContaining("requestsPerMinute: 0");
        assertThatThrownBy(() -> b.requestsPerMinute(200).readTimeout(Duration.ZERO).build())
                .hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> b.readTimeout(Duration.ofSeconds(1)).submitParallelism(0).build())
                .hasMessageContaining("submitParallelism: 0");
    }
}
