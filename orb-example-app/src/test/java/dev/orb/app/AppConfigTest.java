package dev.orb.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orb.core.config.ConfigException;

class AppConfigTest {
    @TempDir
    Path dir;

    @Test
    void fileValues_areOverriddenByTheEnvironment_shortAndFullNames() throws IOException {
        Path file = write("sizing.riskPerTrade=0.02\nsizing.maxLeverage=2\nlive.scanDelay=30\n");
        AppConfig c = AppConfig.load(Optional.of(file), Map.of("ORB_RISK_PER_TRADE", "0.015",
                "ORB_SIZING_MAX_LEVERAGE", "3"));
        assertThat(c.strategy().riskPerTrade()).isEqualByComparingTo("0.015");
        assertThat(c.strategy().maxLeverage()).isEqualByComparingTo(new BigDecimal("3"));
        assertThat(c.live().scanDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void riskAboveFivePercentAndLeverageAboveFour_areRefusedNamingBothKeys() {
        assertThatThrownBy(() -> AppConfig.load(Optional.empty(), Map.of("ORB_RISK_PER_TRADE", "0.2",
                "ORB_MAX_LEVERAGE", "5")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("sizing.riskPerTrade"))
                        .anySatisfy(p -> assertThat(p).startsWith("sizing.maxLeverage")));
    }

    @Test
    void invalidTimes_nameTheirKey() {
        assertThatThrownBy(() -> AppConfig.load(Optional.empty(), Map.of("ORB_LIVE_SCAN_DELAY", "soon")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("live.scanDelay: 'soon'")));
        // a scan delay past the entry window: the plan refuses it
        assertThatThrownBy(() -> AppConfig.load(Optional.empty(), Map.of("ORB_LIVE_SCAN_DELAY", "PT9M",
                "ORB_SCAN_MAX_DELAY_MINUTES", "5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("scanDelay");
    }

    @Test
    void unknownKeyInTheFile_isRefused() throws IOException {
        Path file = write("sizing.riskPerTrad=0.01\n");
        assertThatThrownBy(() -> AppConfig.load(Optional.of(file), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("sizing.riskPerTrad: unknown key in " + file));
    }

    @Test
    void missingKeys_forAMode_nameTheEnvironmentVariables() {
        AppConfig c = AppConfig.load(Optional.empty(), Map.of("ALPACA_KEY_ID", "AK"));
        assertThatThrownBy(() -> c.require("run", "alpaca.keyId", "alpaca.secretKey", "polygon.apiKey"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2)
                        .anySatisfy(p -> assertThat(p).contains("alpaca.secretKey").contains("ALPACA_SECRET_KEY"))
                        .anySatisfy(p -> assertThat(p).contains("polygon.apiKey").contains("POLYGON_API_KEY")));
    }

    @Test
    void toString_masksSecrets() {
        AppConfig c = AppConfig.load(Optional.empty(), Map.of("ALPACA_SECRET_KEY", "s3cr3t-value",
                "POLYGON_API_KEY", "pk-value"));
        assertThat(c.get("alpaca.secretKey")).hasValue("s3cr3t-value");
        assertThat(c.toString()).doesNotContain("s3cr3t-value").doesNotContain("pk-value").contains("****");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("orb.properties"), text);
    }
}
