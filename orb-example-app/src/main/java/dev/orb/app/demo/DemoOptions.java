package dev.orb.app.demo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.InvalidValueException;

/**
 * What the demo runs on.
 *
 * @param db      directory of the H2 database (file {@code db/orb.mv.db}); kept between runs
 * @param data    flat files to replay, or empty to generate a synthetic market into a temporary directory
 *                (deleted when the demo closes)
 * @param from    first session to replay (the first one after the database's last synced session, when later)
 * @param days    sessions to replay, at least 1
 * @param symbols symbols of the generated market (ignored with {@code data})
 * @param seed    seed of the generated market
 * @param speed   simulated seconds per wall-clock second, &gt; 0
 * @param equity  starting equity of the simulated account, dollars, &gt; 0
 * @param host    interface the dashboard binds to
 * @param port    dashboard port, 0 for any free one
 */
public record DemoOptions(Path db, Optional<Path> data, LocalDate from, int days, int symbols, long seed,
                          double speed, BigDecimal equity, String host, int port) {
    /** Validates every field; messages name the option. */
    public DemoOptions {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(host, "host");
        if (days < 1) {
            throw new InvalidValueException("--days: " + days + " must be at least 1");
        }
        if (symbols < 1) {
            throw new InvalidValueException("--symbols: " + symbols + " must be at least 1");
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new InvalidValueException("--speed: " + speed + " must be a positive number");
        }
        if (equity.signum() <= 0) {
            throw new InvalidValueException("--equity: " + equity + " must be positive");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidValueException("--port: " + port + " must be in 0..65535");
        }
    }
}
