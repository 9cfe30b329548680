package dev.orb.adapter.jdbc.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;

/**
 * Conversions between orb's values and SQL columns. Prices travel as exact {@link BigDecimal}s of scale 9;
 * instants as {@code TIMESTAMP WITH TIME ZONE} in UTC, truncated to microseconds (PostgreSQL's precision) so that
 * H2 and PostgreSQL store the same value; NaN RVOL as NULL.
 */
final class Columns {
    private Columns() {
    }

    /** The instant as it is stored: truncated to whole microseconds. */
    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : stored(instant).atOffset(ZoneOffset.UTC);
    }

    static BigDecimal decimal(Price price) {
        return price == null ? null : BigDecimal.valueOf(price.nanos(), Price.SCALE);
    }

    static void setPrice(PreparedStatement ps, int index, Price price) throws SQLException {
        if (price == null) {
            ps.setNull(index, Types.NUMERIC);
        } else {
            ps.setBigDecimal(index, decimal(price));
        }
    }

    static void setDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NUMERIC);
        } else {
            ps.setBigDecimal(index, value);
        }
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, timestamp(instant));
        }
    }

    static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        ps.setObject(index, date);
    }

    static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static void setEnum(PreparedStatement ps, int index, Enum<?> value) throws SQLException {
        setString(ps, index, value == null ? null : value.name());
    }

    /** NaN (RVOL not computable) is stored as NULL. */
    static void setRvol(PreparedStatement ps, int index, double rvol) throws SQLException {
        if (Double.isNaN(rvol)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, rvol);
        }
    }

    static Price price(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : Price.of(value);
    }

    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Symbol symbol(ResultSet rs, String column) throws SQLException {
        return Symbol.of(rs.getString(column));
    }

    static ClientOrderId clientOrderId(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : new ClientOrderId(value);
    }

    static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    static double rvol(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    /** Cuts free text to a column's length (log metadata only; audit data is never cut). */
    static String cut(String value, int maxLength) {
        return value.length() <= maxLength ? value : value.substring(0, maxLength);
    }
}
