package dev.orb.app;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.orb.core.config.AtrMethod;
import dev.orb.core.config.ConfigException;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.RvolMethod;
import dev.orb.core.config.StopAnchor;
import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.live.DayPlan;
import dev.orb.core.live.LiveConfig;
import dev.orb.domain.InvalidValueException;

/**
 * The application's configuration: a properties file ({@code --config orb.properties}) overridden by the
 * environment, validated at once with every problem naming its key.
 *
 * <p>Keys are those of {@link OrbConfig} ({@code sizing.riskPerTrade}, …, see docs/strategy.md), of
 * {@link LiveConfig} ({@code live.scanDelay} in seconds or ISO-8601, {@code live.allowLateEntries}, …), and the
 * app's: {@code db.dir}, {@code jdbc.url}, {@code jdbc.user}, {@code dashboard.port}, {@code dashboard.host} and
 * the secrets {@code alpaca.keyId}, {@code alpaca.secretKey}, {@code polygon.apiKey}. An environment variable
 * overrides a key: {@code ORB_} and the key in upper snake case ({@code ORB_SIZING_RISK_PER_TRADE}), or
 * {@code ORB_} and its last part when that part names one key only ({@code ORB_RISK_PER_TRADE}); the secrets also
 * come from {@code ALPACA_KEY_ID}, {@code ALPACA_SECRET_KEY}, {@code POLYGON_API_KEY}, and the database password
 * from {@code ORB_JDBC_PASSWORD} only (never from a file). Unknown keys in the file are refused (a typo would
 * otherwise silently keep a default).
 *
 * <p>Immutable and thread-safe. Its {@link #toString()} never shows a secret.
 */
public final class AppConfig {
    /** The secrets' environment variables by key. */
    static final Map<String, String> SECRET_ENV = Map.of("alpaca.keyId", "ALPACA_KEY_ID",
            "alpaca.secretKey", "ALPACA_SECRET_KEY", "polygon.apiKey", "POLYGON_API_KEY");

    private static final Map<String, BiConsumer<OrbConfig.Builder, String>> ORB = new LinkedHashMap<>();
    private static final Map<String, BiConsumer<LiveConfig.Builder, String>> LIVE = new LinkedHashMap<>();
    private static final List<String> APP = List.of("db.dir", "jdbc.url", "jdbc.user", "dashboard.port",
            "dashboard.host", "alpaca.keyId", "alpaca.secretKey", "polygon.apiKey");

    static {
        ORB.put("atr.period", (b, v) -> b.atrPeriod(Integer.parseInt(v)));
        ORB.put("atr.method", (b, v) -> b.atrMethod(AtrMethod.valueOf(v.toUpperCase(Locale.ROOT))));
        ORB.put("universe.minPrice", (b, v) -> b.universeMinPrice(new BigDecimal(v)));
        ORB.put("universe.minAvgVolume", (b, v) -> b.universeMinAvgVolume(new BigDecimal(v)));
        ORB.put("universe.minAtr", (b, v) -> b.universeMinAtr(new BigDecimal(v)));
        ORB.put("or.minutes", (b, v) -> b.openingRangeMinutes(Integer.parseInt(v)));
        ORB.put("rvol.method", (b, v) -> b.rvolMethod(RvolMethod.valueOf(v.toUpperCase(Locale.ROOT))));
        ORB.put("rvol.lookback", (b, v) -> b.rvolLookback(Integer.parseInt(v)));
        ORB.put("scan.minRvol", (b, v) -> b.scanMinRvol(new BigDecimal(v)));
        ORB.put("scan.topN", (b, v) -> b.scanTopN(Integer.parseInt(v)));
        ORB.put("scan.maxDelayMinutes", (b, v) -> b.scanMaxDelayMinutes(Integer.parseInt(v)));
        ORB.put("stop.atrFraction", (b, v) -> b.stopAtrFraction(new BigDecimal(v)));
        ORB.put("stop.anchor", (b, v) -> b.stopAnchor(StopAnchor.valueOf(v.toUpperCase(Locale.ROOT))));
        ORB.put("sizing.riskPerTrade", (b, v) -> b.riskPerTrade(new BigDecimal(v)));
        ORB.put("sizing.maxLeverage", (b, v) -> b.maxLeverage(new BigDecimal(v)));
        ORB.put("eod.minutesBeforeClose", (b, v) -> b.eodMinutesBeforeClose(Integer.parseInt(v)));
        ORB.put("risk.dailyLossLimitEnabled", (b, v) -> b.dailyLossLimitEnabled(bool(v)));
        ORB.put("risk.maxDailyLoss", (b, v) -> b.maxDailyLoss(new BigDecimal(v)));
        ORB.put("risk.flattenOnDailyLoss", (b, v) -> b.flattenOnDailyLoss(bool(v)));
        ORB.put("risk.maxPositions", (b, v) -> b.maxPositions(Integer.parseInt(v)));
        ORB.put("risk.pdtEquityThreshold", (b, v) -> b.pdtEquityThreshold(new BigDecimal(v)));
        ORB.put("risk.pdtMaxDayTrades", (b, v) -> b.pdtMaxDayTrades(Integer.parseInt(v)));
        ORB.put("risk.minEquityToShort", (b, v) -> b.minEquityToShort(new BigDecimal(v)));
        LIVE.put("live.scanDelay", (b, v) -> b.scanDelay(duration(v)));
        LIVE.put("live.startLead", (b, v) -> b.startLead(duration(v)));
        LIVE.put("live.nightlySyncDelay", (b, v) -> b.nightlySyncDelay(duration(v)));
        LIVE.put("live.accountRefreshInterval", (b, v) -> b.accountRefreshInterval(duration(v)));
        LIVE.put("live.reconcileInterval", (b, v) -> b.reconcileInterval(duration(v)));
        LIVE.put("live.allowLateEntries", (b, v) -> b.allowLateEntries(bool(v)));
        LIVE.put("live.scanRehearsals", (b, v) -> b.scanRehearsals(Integer.parseInt(v)));
    }

    private final OrbConfig strategy;
    private final LiveConfig live;
    private final Map<String, String> values;
    private final Optional<String> jdbcPassword;

    private AppConfig(OrbConfig strategy, LiveConfig live, Map<String, String> values, Optional<String> jdbcPassword) {
        this.strategy = strategy;
        this.live = live;
        this.values = values;
        this.jdbcPassword = jdbcPassword;
    }

    /**
     * Loads {@code file} (when given) and applies {@code env} over it.
     *
     * @throws ConfigException listing every problem, each naming its key (or the file)
     */
    public static AppConfig load(Optional<Path> file, Map<String, String> env) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(env, "env");
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new TreeMap<>();
        if (file.isPresent()) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(List.of(file.get() + ": cannot be read: " + e.getMessage()));
            }
            for (String k : p.stringPropertyNames()) {
                if (known(k)) {
                    values.put(k, p.getProperty(k).trim());
                } else {
                    problems.add(k + ": unknown key in " + file.get());
                }
            }
        }
        envOverrides(env).forEach((envName, key) -> {
            String v = env.get(envName);
            if (v != null && !v.isBlank()) {
                values.put(key, v.trim());
            }
        });
        OrbConfig.Builder orb = OrbConfig.builder();
        LiveConfig.Builder lb = LiveConfig.builder();
        apply(values, ORB, orb, problems);
        apply(values, LIVE, lb, problems);
        if (values.containsKey("dashboard.port")) {
            parse(problems, "dashboard.port", values.get("dashboard.port"), Integer::parseInt).ifPresent(port -> {
                if (port < 0 || port > 65535) {
                    problems.add("dashboard.port: " + port + " must be in 0..65535");
                }
            });
        }
        OrbConfig strategy = null;
        LiveConfig live = null;
        try {
            strategy = orb.build();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            live = lb.build();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        } catch (InvalidValueException e) {
            problems.add(e.getMessage());
        }
        if (problems.isEmpty()) {
            try {
                // the plan's own cross-checks: the scan delay must leave the entry window open
                new DayPlan(NyseCalendar.standard(), strategy, live);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            } catch (InvalidValueException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AppConfig(strategy, live, Map.copyOf(values), Optional.ofNullable(env.get("ORB_JDBC_PASSWORD")));
    }

    /** The strategy's configuration. */
    public OrbConfig strategy() {
        return strategy;
    }

    /** The live day's timing. */
    public LiveConfig live() {
        return live;
    }

    /** The value of an application key ({@code db.dir}, {@code alpaca.keyId}, …), if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The database password ({@code ORB_JDBC_PASSWORD}), if set. */
    public Optional<String> jdbcPassword() {
        return jdbcPassword;
    }

    /**
     * Checks that the keys a mode needs are present.
     *
     * @param needed the keys, e.g. {@code alpaca.keyId}
     * @throws ConfigException naming each missing key and where it can come from
     */
    public void require(String command, String... needed) {
        List<String> problems = new ArrayList<>();
        for (String key : needed) {
            if (get(key).isEmpty()) {
                problems.add(key + ": required by `" + command + "`; set " + SECRET_ENV.getOrDefault(key,
                        envName(key)) + " or " + key + " in the --config file");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** The keys set, secrets masked. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(values);
        SECRET_ENV.keySet().forEach(k -> shown.computeIfPresent(k, (key, v) -> "****"));
        return "AppConfig" + shown;
    }

    /** {@code ORB_SIZING_RISK_PER_TRADE} for {@code sizing.riskPerTrade}. */
    static String envName(String key) {
        return "ORB_" + snake(key.replace('.', '_'));
    }

    /** Every environment variable that sets a key, with the key. */
    static Map<String, String> envOverrides(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Integer> lastParts = new HashMap<>();
        List<String> keys = allKeys();
        for (String k : keys) {
            lastParts.merge(lastPart(k), 1, Integer::sum);
        }
        for (String k : keys) {
            if (lastParts.get(lastPart(k)) == 1) {
                out.put("ORB_" + snake(lastPart(k)), k);
            }
        }
        for (String k : keys) {
            out.put(envName(k), k); // the full name wins when both are set: it is applied last
        }
        SECRET_ENV.forEach((k, e) -> out.put(e, k));
        return out;
    }

    private static List<String> allKeys() {
        List<String> keys = new ArrayList<>(ORB.keySet());
        keys.addAll(LIVE.keySet());
        keys.addAll(APP);
        return keys;
    }

    private static boolean known(String key) {
        return ORB.containsKey(key) || LIVE.containsKey(key) || APP.contains(key);
    }

    private static String lastPart(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static <B> void apply(Map<String, String> values, Map<String, BiConsumer<B, String>> setters, B builder,
                                  List<String> problems) {
        setters.forEach((key, setter) -> {
            String v = values.get(key);
            if (v != null) {
                try {
                    setter.accept(builder, v);
                } catch (RuntimeException e) {
                    problems.add(key + ": '" + v + "' is not a valid value (" + e.getMessage() + ")");
                }
            }
        });
    }

    private static <T> Optional<T> parse(List<String> problems, String key, String v, Function<String, T> f) {
        try {
            return Optional.of(f.apply(v));
        } catch (RuntimeException e) {
            problems.add(key + ": '" + v + "' is not a valid value");
            return Optional.empty();
        }
    }

    private static boolean bool(String v) {
        if ("true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v)) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("expected true or false");
    }

    /** Seconds ({@code 20}) or ISO-8601 ({@code PT20S}). */
    private static Duration duration(String v) {
        if (v.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        return Duration.parse(v);
    }
}
