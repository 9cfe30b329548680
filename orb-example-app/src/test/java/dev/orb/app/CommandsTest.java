package dev.orb.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator commands that need no network, and the refusals of those that need keys. */
class CommandsTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    @Test
    void killSwitchOn_thenStatus_showsItEngagedWithTheReason() {
        assertThat(run(Map.of(), "", "kill-switch", "on", "--reason", "news at 10", "--operator", "alice",
                "--db", dir.toString())).as(err).isZero();
        assertThat(out).contains("kill switch ENGAGED (was released) by operator:alice: news at 10");
        assertThat(run(Map.of(), "", "status", "--db", dir.toString(), "--date", "2024-06-03")).as(err).isZero();
        assertThat(out).contains("kill switch: ENGAGED (by operator:alice").contains("news at 10")
                .contains("mode: demo only (no Alpaca keys)").contains("session 2024-06-03: 0 signals, 0 orders");
        assertThat(run(Map.of(), "", "kill-switch", "off", "--reason", "clear", "--operator", "alice",
                "--db", dir.toString())).isZero();
        assertThat(out).contains("kill switch released (was engaged)");
    }

    @Test
    void run_withoutKeys_isRefusedNamingEachMissingKey() {
        assertThat(run(Map.of(), "", "run", "--db", dir.toString())).isEqualTo(Main.EXIT_FAILED);
        assertThat(err).contains("alpaca.keyId").contains("ALPACA_KEY_ID").contains("alpaca.secretKey")
                .contains("polygon.apiKey");
    }

    @Test
    void runLive_withoutTheTypedConfirmation_startsNothing() {
        Map<String, String> keys = Map.of("ALPACA_KEY_ID", "AK", "ALPACA_SECRET_KEY", "SK", "POLYGON_API_KEY", "PK");
        assertThat(run(keys, "yes\n", "run", "--live", "--db", dir.toString())).isEqualTo(2);
        assertThat(out).contains("Type " + RunCommand.CONFIRMATION);
        assertThat(err).contains("live trading not confirmed; nothing started");
    }

    @Test
    void syncScanAndFlatten_withoutKeys_areRefused() {
        assertThat(run(Map.of(), "", "sync", "--db", dir.toString())).isEqualTo(Main.EXIT_FAILED);
        assertThat(err).contains("polygon.apiKey: required by `sync`");
        assertThat(run(Map.of(), "", "flatten", "--operator", "bob", "--db", dir.toString()))
                .isEqualTo(Main.EXIT_FAILED);
        assertThat(err).contains("alpaca.keyId: required by `flatten`");
        assertThat(run(Map.of(), "", "scan", "--db", dir.toString())).isEqualTo(Main.EXIT_FAILED);
        assertThat(err).contains("alpaca.keyId: required by `scan`");
    }

    @Test
    void invalidEnvironmentValue_failsAtStartNamingTheKey() {
        assertThat(run(Map.of("ORB_RISK_PER_TRADE", "0.06"), "", "status", "--db", dir.toString()))
                .isEqualTo(Main.EXIT_FAILED);
        assertThat(err).contains("sizing.riskPerTrade: 0.06");
    }

    private int run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }
}
