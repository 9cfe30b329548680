package dev.orb.adapter.jdbc.internal;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.TradingMode;

/**
 * The single row of system state (kill switch, trading mode) and the kill switch's history. The row is created
 * by the first migration with {@link KillSwitchState#initial()} and PAPER.
 */
public final class StateDao {
    private final Database db;

    /** A DAO on {@code db}. */
    public StateDao(Database db) {
        this.db = db;
    }

    /** Implements {@link dev.orb.ports.SystemStateStore#killSwitch}. */
    public KillSwitchState killSwitch() {
        return db.read("reading the kill switch", h -> h.createQuery(
                        "SELECT kill_engaged, kill_by, kill_at, kill_reason FROM system_state WHERE id = 1")
                .map((rs, ctx) -> new KillSwitchState(rs.getBoolean("kill_engaged"), rs.getString("kill_by"),
                        Columns.instant(rs, "kill_at"), rs.getString("kill_reason")))
                .one());
    }

    /** Stores the state and appends it to the history, in one transaction. */
    public void saveKillSwitch(KillSwitchState state) {
        Objects.requireNonNull(state, "state");
        db.update("saving the kill switch (" + (state.engaged() ? "engaged" : "released") + " by " + state.by() + ")", h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(
                    "UPDATE system_state SET kill_engaged = ?, kill_by = ?, kill_at = ?, kill_reason = ? WHERE id = 1")) {
                ps.setBoolean(1, state.engaged());
                ps.setString(2, state.by());
                Columns.setInstant(ps, 3, state.at());
                ps.setString(4, state.reason());
                requireOneRow(ps.executeUpdate());
            }
            try (PreparedStatement ps = h.getConnection().prepareStatement(
                    "INSERT INTO kill_switch_history (engaged, changed_by, changed_at, reason) VALUES (?, ?, ?, ?)")) {
                ps.setBoolean(1, state.engaged());
                ps.setString(2, state.by());
                Columns.setInstant(ps, 3, state.at());
                ps.setString(4, state.reason());
                ps.executeUpdate();
            }
        });
    }

    /** Implements {@link dev.orb.ports.query.AuditQueries#killSwitchHistory}: newest first. */
    public List<KillSwitchState> killSwitchHistory(int limit) {
        if (limit < 1) {
            throw new InvalidValueException("killSwitchHistory.limit: " + limit + " must be at least 1");
        }
        return db.read("reading the kill switch history", h -> h.createQuery(
                        "SELECT engaged, changed_by, changed_at, reason FROM kill_switch_history ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new KillSwitchState(rs.getBoolean("engaged"), rs.getString("changed_by"),
                        Columns.instant(rs, "changed_at"), rs.getString("reason")))
                .list());
    }

    /** Implements {@link dev.orb.ports.SystemStateStore#tradingMode}. */
    public TradingMode tradingMode() {
        return db.read("reading the trading mode", h -> h.createQuery("SELECT trading_mode FROM system_state WHERE id = 1")
                .map((rs, ctx) -> TradingMode.valueOf(rs.getString(1)))
                .one());
    }

    /** Implements {@link dev.orb.ports.SystemStateStore#saveTradingMode}, in auto-commit mode. */
    public void saveTradingMode(TradingMode mode) {
        Objects.requireNonNull(mode, "mode");
        db.autoCommitUpdate("saving the trading mode " + mode, h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(
                    "UPDATE system_state SET trading_mode = ? WHERE id = 1")) {
                ps.setString(1, mode.name());
                requireOneRow(ps.executeUpdate());
            }
        });
    }

    private static void requireOneRow(int updated) throws java.sql.SQLException {
        if (updated != 1) {
            // The migration creates the row; a missing row means someone deleted it by hand.
            throw new java.sql.SQLException("system_state has no row 1 (deleted outside orb?)");
        }
    }
}
