package dev.orb.core.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.orb.core.config.ConfigException;

/**
 * The timing of a live (or demo) trading day, on top of the strategy's own times in
 * {@link dev.orb.core.config.OrbConfig}. Immutable; validated as a whole at construction.
 *
 * @param scanDelay              {@code live.scanDelay}: wait after the end of the opening range before the scan,
 *                               so that the vendor has published the last one-minute bar (20 s); 0 ≤ d ≤ 10 min
 * @param startLead              {@code live.startLead}: how long before the open the session is started and
 *                               reconciled with the broker (10 min); 0 ≤ d ≤ 2 h
 * @param nightlySyncDelay       {@code live.nightlySyncDelay}: the nightly data sync runs this long after the
 *                               close (30 min), when the day's bars are published; 0 ≤ d ≤ 6 h
 * @param accountRefreshInterval {@code live.accountRefreshInterval}: how often the account is fetched and fed to
 *                               the engine while the market is open (15 s) — this is what trips the daily loss
 *                               limit between fills; 1 s ≤ d ≤ 1 h
 * @param reconcileInterval      {@code live.reconcileInterval}: how often the broker's truth is fetched and merged
 *                               while the market is open (60 s); 1 s ≤ d ≤ 1 h
 * @param allowLateEntries       {@code live.allowLateEntries}: when the start-up reconciliation succeeds only after
 *                               the scan time, scan anyway (false: such a day places no entries). The engine's
 *                               entry window ({@code scan.maxDelayMinutes}) applies either way.
 * @param scanRehearsals         {@code live.scanRehearsals}: how many times the session start rehearses the scan
 *                               (5): the engine decides, and the journal encodes and decodes, a scan of the stored
 *                               universe with made-up bars, in memory and without any effect, so that the real
 *                               scan runs compiled code instead of cold code (docs/live.md); 0 turns it off; 0..100
 */
public record LiveConfig(Duration scanDelay, Duration startLead, Duration nightlySyncDelay,
                         Duration accountRefreshInterval, Duration reconcileInterval, boolean allowLateEntries,
                         int scanRehearsals) {
    public static final Duration DEFAULT_SCAN_DELAY = Duration.ofSeconds(20);
    public static final Duration DEFAULT_START_LEAD = Duration.ofMinutes(10);
    public static final Duration DEFAULT_NIGHTLY_SYNC_DELAY = Duration.ofMinutes(30);
    public static final Duration DEFAULT_ACCOUNT_REFRESH_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RECONCILE_INTERVAL = Duration.ofSeconds(60);
    public static final boolean DEFAULT_ALLOW_LATE_ENTRIES = false;
    public static final int DEFAULT_SCAN_REHEARSALS = 5;

    private static final LiveConfig DEFAULTS = builder().build();

    /**
     * @throws ConfigException naming every invalid key with its value and the rule
     */
    public LiveConfig {
        List<String> p = new ArrayList<>();
        range(p, "live.scanDelay", scanDelay, Duration.ZERO, Duration.ofMinutes(10));
        range(p, "live.startLead", startLead, Duration.ZERO, Duration.ofHours(2));
        range(p, "live.nightlySyncDelay", nightlySyncDelay, Duration.ZERO, Duration.ofHours(6));
        range(p, "live.accountRefreshInterval", accountRefreshInterval, Duration.ofSeconds(1), Duration.ofHours(1));
        range(p, "live.reconcileInterval", reconcileInterval, Duration.ofSeconds(1), Duration.ofHours(1));
        if (scanRehearsals < 0 || scanRehearsals > 100) {
            p.add("live.scanRehearsals: " + scanRehearsals + " must be in 0..100");
        }
        if (!p.isEmpty()) {
            throw new ConfigException(p);
        }
    }

    /** The documented defaults: scan 20 s after the range, start 10 min before the open, sync 30 min after the close. */
    public static LiveConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder()
                .scanDelay(scanDelay)
                .startLead(startLead)
                .nightlySyncDelay(nightlySyncDelay)
                .accountRefreshInterval(accountRefreshInterval)
                .reconcileInterval(reconcileInterval)
                .allowLateEntries(allowLateEntries)
                .scanRehearsals(scanRehearsals);
    }

    private static void range(List<String> p, String key, Duration v, Duration min, Duration max) {
        if (v == null) {
            p.add(key + ": must be set");
        } else if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            p.add(key + ": " + v + " must be in " + min + ".." + max);
        }
    }

    /** Mutable builder; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private Duration scanDelay = DEFAULT_SCAN_DELAY;
        private Duration startLead = DEFAULT_START_LEAD;
        private Duration nightlySyncDelay = DEFAULT_NIGHTLY_SYNC_DELAY;
        private Duration accountRefreshInterval = DEFAULT_ACCOUNT_REFRESH_INTERVAL;
        private Duration reconcileInterval = DEFAULT_RECONCILE_INTERVAL;
        private boolean allowLateEntries = DEFAULT_ALLOW_LATE_ENTRIES;
        private int scanRehearsals = DEFAULT_SCAN_REHEARSALS;

        private Builder() {
        }

        /** Sets {@code live.scanDelay}; see {@link LiveConfig}. */
        public Builder scanDelay(Duration v) {
            scanDelay = v;
            return this;
        }

        /** Sets {@code live.startLead}; see {@link LiveConfig}. */
        public Builder startLead(Duration v) {
            startLead = v;
            return this;
        }

        /** Sets {@code live.nightlySyncDelay}; see {@link LiveConfig}. */
        public Builder nightlySyncDelay(Duration v) {
            nightlySyncDelay = v;
            return this;
        }

        /** Sets {@code live.accountRefreshInterval}; see {@link LiveConfig}. */
        public Builder accountRefreshInterval(Duration v) {
            accountRefreshInterval = v;
            return this;
        }

        /** Sets {@code live.reconcileInterval}; see {@link LiveConfig}. */
        public Builder reconcileInterval(Duration v) {
            reconcileInterval = v;
            return this;
        }

        /** Sets {@code live.allowLateEntries}; see {@link LiveConfig}. */
        public Builder allowLateEntries(boolean v) {
            allowLateEntries = v;
            return this;
        }

        /** Sets {@code live.scanRehearsals}; see {@link LiveConfig}. */
        public Builder scanRehearsals(int v) {
            scanRehearsals = v;
            return this;
        }

        /**
         * Validates every key and builds.
         *
         * @throws ConfigException naming each invalid key, its value and the rule
         */
        public LiveConfig build() {
            return new LiveConfig(scanDelay, startLead, nightlySyncDelay, accountRefreshInterval, reconcileInterval,
                    allowLateEntries, scanRehearsals);
        }
    }
}
