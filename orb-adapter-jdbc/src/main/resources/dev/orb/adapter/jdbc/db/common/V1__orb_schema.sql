-- orb storage schema, version 1. One script for H2 2.x (MODE=PostgreSQL) and PostgreSQL 12+.
--
-- Conventions
--   * Prices (dev.orb.domain.Price) are NUMERIC(20,9): exact, the scale of Price, every positive long of
--     nano-dollars fits. Other money (equity, P&L, commissions, average fill prices, ATR) is unconstrained
--     NUMERIC: exact at any scale (H2 stores it as DECFLOAT in PostgreSQL mode). No float column holds money.
--   * RVOL is DOUBLE PRECISION (an analytic ratio); NULL where orb has NaN (not computable).
--   * Instants are TIMESTAMP WITH TIME ZONE, microsecond precision (PostgreSQL's limit).
--   * Symbols are VARCHAR(10) (dev.orb.domain.Symbol.MAX_LENGTH), client order ids VARCHAR(48).
--   * CHECK constraints repeat the domain's validation so that rows written by hand are held to it too.

CREATE TABLE system_state (
    id           SMALLINT                 NOT NULL,
    kill_engaged BOOLEAN                  NOT NULL,
    kill_by      VARCHAR                  NOT NULL,
    kill_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    kill_reason  VARCHAR                  NOT NULL,
    trading_mode VARCHAR(8)               NOT NULL,
    CONSTRAINT system_state_pk PRIMARY KEY (id),
    CONSTRAINT system_state_single_row CHECK (id = 1),
    CONSTRAINT system_state_mode CHECK (trading_mode IN ('PAPER', 'LIVE'))
);

INSERT INTO system_state (id, kill_engaged, kill_by, kill_at, kill_reason, trading_mode)
VALUES (1, FALSE, 'system', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', 'initial state', 'PAPER');

CREATE TABLE kill_switch_history (
    id         BIGINT GENERATED ALWAYS AS IDENTITY,
    engaged    BOOLEAN                  NOT NULL,
    changed_by VARCHAR                  NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reason     VARCHAR                  NOT NULL,
    CONSTRAINT kill_switch_history_pk PRIMARY KEY (id)
);

CREATE TABLE journal (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY,
    session_date DATE                     NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type   VARCHAR(200)             NOT NULL,
    payload      VARCHAR                  NOT NULL,
    CONSTRAINT journal_pk PRIMARY KEY (seq),
    CONSTRAINT journal_type_not_blank CHECK (TRIM(event_type) <> '')
);
CREATE INDEX journal_session_seq ON journal (session_date, seq);

CREATE TABLE daily_bars (
    symbol        VARCHAR(10)    NOT NULL,
    bar_date      DATE           NOT NULL,
    open_price    NUMERIC(20, 9) NOT NULL,
    high_price    NUMERIC(20, 9) NOT NULL,
    low_price     NUMERIC(20, 9) NOT NULL,
    close_price   NUMERIC(20, 9) NOT NULL,
    volume        BIGINT         NOT NULL,
    -- The 14-session statistics through this bar, i.e. those used for the next session's universe
    -- (copied from universe when it is saved); NULL when the symbol was not in that universe.
    atr_14        NUMERIC,
    avg_volume_14 NUMERIC,
    CONSTRAINT daily_bars_pk PRIMARY KEY (symbol, bar_date),
    CONSTRAINT daily_bars_prices_positive CHECK (open_price > 0 AND high_price > 0 AND low_price > 0 AND close_price > 0),
    CONSTRAINT daily_bars_ohlc CHECK (low_price <= open_price AND low_price <= close_price
        AND high_price >= open_price AND high_price >= close_price),
    CONSTRAINT daily_bars_volume CHECK (volume >= 0),
    CONSTRAINT daily_bars_stats CHECK (atr_14 >= 0 AND avg_volume_14 >= 0)
);
CREATE INDEX daily_bars_date ON daily_bars (bar_date);

CREATE TABLE universe (
    session_date  DATE           NOT NULL,
    symbol        VARCHAR(10)    NOT NULL,
    atr_14        NUMERIC        NOT NULL,
    avg_volume_14 NUMERIC        NOT NULL,
    prev_close    NUMERIC(20, 9) NOT NULL,
    CONSTRAINT universe_pk PRIMARY KEY (session_date, symbol),
    CONSTRAINT universe_stats CHECK (atr_14 >= 0 AND avg_volume_14 >= 0 AND prev_close > 0)
);

CREATE TABLE opening_ranges (
    session_date DATE           NOT NULL,
    symbol       VARCHAR(10)    NOT NULL,
    minutes      INTEGER        NOT NULL,
    open_price   NUMERIC(20, 9) NOT NULL,
    high_price   NUMERIC(20, 9) NOT NULL,
    low_price    NUMERIC(20, 9) NOT NULL,
    close_price  NUMERIC(20, 9) NOT NULL,
    volume       BIGINT         NOT NULL,
    -- Flags, derived from the record and kept for the dashboard's filters: NULL direction is a doji.
    direction    VARCHAR(5),
    candidate    BOOLEAN        NOT NULL,
    selected     BOOLEAN        NOT NULL,
    rvol         DOUBLE PRECISION,
    rank         INTEGER        NOT NULL,
    entry_price  NUMERIC(20, 9),
    stop_price   NUMERIC(20, 9),
    note         VARCHAR        NOT NULL,
    CONSTRAINT opening_ranges_pk PRIMARY KEY (session_date, symbol),
    CONSTRAINT opening_ranges_minutes CHECK (minutes BETWEEN 1 AND 390),
    CONSTRAINT opening_ranges_prices_positive CHECK (open_price > 0 AND high_price > 0 AND low_price > 0
        AND close_price > 0 AND entry_price > 0 AND stop_price > 0),
    CONSTRAINT opening_ranges_ohlc CHECK (low_price <= open_price AND low_price <= close_price
        AND high_price >= open_price AND high_price >= close_price),
    CONSTRAINT opening_ranges_volume CHECK (volume >= 0),
    CONSTRAINT opening_ranges_direction CHECK (direction IN ('LONG', 'SHORT')),
    CONSTRAINT opening_ranges_rvol CHECK (rvol >= 0),
    CONSTRAINT opening_ranges_rank CHECK (rank >= 0 AND candidate = (rank > 0))
);

-- Opening-range volume history for RVOL: which (session, length) were stored, and the non-zero volumes.
CREATE TABLE opening_range_volume_sessions (
    session_date DATE    NOT NULL,
    minutes      INTEGER NOT NULL,
    CONSTRAINT opening_range_volume_sessions_pk PRIMARY KEY (session_date, minutes),
    CONSTRAINT opening_range_volume_sessions_minutes CHECK (minutes BETWEEN 1 AND 390)
);

CREATE TABLE opening_range_volumes (
    session_date DATE        NOT NULL,
    minutes      INTEGER     NOT NULL,
    symbol       VARCHAR(10) NOT NULL,
    volume       BIGINT      NOT NULL,
    CONSTRAINT opening_range_volumes_pk PRIMARY KEY (session_date, minutes, symbol),
    CONSTRAINT opening_range_volumes_session FOREIGN KEY (session_date, minutes)
        REFERENCES opening_range_volume_sessions (session_date, minutes) ON DELETE CASCADE,
    CONSTRAINT opening_range_volumes_positive CHECK (volume > 0)
);

CREATE TABLE orders (
    client_order_id  VARCHAR(48)              NOT NULL,
    session_date     DATE                     NOT NULL,
    symbol           VARCHAR(10)              NOT NULL,
    purpose          VARCHAR(16)              NOT NULL,
    side             VARCHAR(4)               NOT NULL,
    order_type       VARCHAR(16)              NOT NULL,
    quantity         BIGINT                   NOT NULL,
    stop_price       NUMERIC(20, 9),
    stop_loss_price  NUMERIC(20, 9),
    broker_order_id  VARCHAR(128),
    status           VARCHAR(24)              NOT NULL,
    filled_quantity  BIGINT                   NOT NULL,
    filled_avg_price NUMERIC,
    submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    reject_reason    VARCHAR,
    CONSTRAINT orders_pk PRIMARY KEY (client_order_id),
    CONSTRAINT orders_broker_order_id_unique UNIQUE (broker_order_id),
    CONSTRAINT orders_side CHECK (side IN ('BUY', 'SELL')),
    CONSTRAINT orders_quantity_positive CHECK (quantity > 0),
    CONSTRAINT orders_filled_quantity CHECK (filled_quantity >= 0),
    CONSTRAINT orders_prices_positive CHECK (stop_price > 0 AND stop_loss_price > 0 AND filled_avg_price >= 0)
);
CREATE INDEX orders_session_submitted ON orders (session_date, submitted_at);

-- Every broker update, as received. A fill's execution id is unique: a replayed fill is stored once.
CREATE TABLE order_events (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY,
    event_type           VARCHAR(24)              NOT NULL,
    event_time           TIMESTAMP WITH TIME ZONE NOT NULL,
    client_order_id      VARCHAR(48)              NOT NULL,
    broker_order_id      VARCHAR(128)             NOT NULL,
    symbol               VARCHAR(10)              NOT NULL,
    side                 VARCHAR(4)               NOT NULL,
    order_type           VARCHAR(16)              NOT NULL,
    quantity             BIGINT                   NOT NULL,
    filled_quantity      BIGINT                   NOT NULL,
    stop_price           NUMERIC(20, 9),
    limit_price          NUMERIC(20, 9),
    filled_avg_price     NUMERIC,
    status               VARCHAR(24)              NOT NULL,
    time_in_force        VARCHAR(8)               NOT NULL,
    order_created_at     TIMESTAMP WITH TIME ZONE,
    order_updated_at     TIMESTAMP WITH TIME ZONE,
    execution_id         VARCHAR(128),
    fill_broker_order_id VARCHAR(128),
    fill_client_order_id VARCHAR(48),
    fill_symbol          VARCHAR(10),
    fill_side            VARCHAR(4),
    fill_quantity        BIGINT,
    fill_price           NUMERIC(20, 9),
    fill_time            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT order_events_pk PRIMARY KEY (id),
    CONSTRAINT order_events_execution_id_unique UNIQUE (execution_id),
    CONSTRAINT order_events_quantities CHECK (quantity >= 0 AND filled_quantity >= 0),
    CONSTRAINT order_events_prices_positive CHECK (stop_price > 0 AND limit_price > 0 AND filled_avg_price >= 0),
    CONSTRAINT order_events_fill_positive CHECK (fill_quantity > 0 AND fill_price > 0),
    CONSTRAINT order_events_fill_complete CHECK (
        (execution_id IS NULL AND fill_broker_order_id IS NULL AND fill_client_order_id IS NULL
            AND fill_symbol IS NULL AND fill_side IS NULL AND fill_quantity IS NULL AND fill_price IS NULL
            AND fill_time IS NULL)
        OR (execution_id IS NOT NULL AND fill_broker_order_id IS NOT NULL AND fill_client_order_id IS NOT NULL
            AND fill_symbol IS NOT NULL AND fill_side IS NOT NULL AND fill_quantity IS NOT NULL
            AND fill_price IS NOT NULL AND fill_time IS NOT NULL))
);
CREATE INDEX order_events_client_order ON order_events (client_order_id, id);
CREATE INDEX order_events_broker_order ON order_events (broker_order_id, id);

-- Broker-side child orders (the stop-loss leg of a one-triggers-other entry) of orb's orders, learnt from the
-- legs of order updates, so that a signal's chain includes its exit.
CREATE TABLE order_legs (
    leg_broker_order_id    VARCHAR(128) NOT NULL,
    parent_client_order_id VARCHAR(48)  NOT NULL,
    CONSTRAINT order_legs_pk PRIMARY KEY (leg_broker_order_id)
);
CREATE INDEX order_legs_parent ON order_legs (parent_client_order_id);

CREATE TABLE signals (
    id              BIGINT GENERATED ALWAYS AS IDENTITY,
    session_date    DATE                     NOT NULL,
    symbol          VARCHAR(10)              NOT NULL,
    direction       VARCHAR(5)               NOT NULL,
    rvol            DOUBLE PRECISION         NOT NULL,
    rank            INTEGER                  NOT NULL,
    entry_price     NUMERIC(20, 9),
    stop_price      NUMERIC(20, 9),
    shares          BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    client_order_id VARCHAR(48),
    reason          VARCHAR                  NOT NULL,
    CONSTRAINT signals_pk PRIMARY KEY (id),
    CONSTRAINT signals_decision_unique UNIQUE (session_date, symbol, created_at),
    CONSTRAINT signals_order FOREIGN KEY (client_order_id) REFERENCES orders (client_order_id),
    CONSTRAINT signals_direction CHECK (direction IN ('LONG', 'SHORT')),
    CONSTRAINT signals_rvol CHECK (rvol >= 0),
    CONSTRAINT signals_rank CHECK (rank >= 1),
    CONSTRAINT signals_prices_positive CHECK (entry_price > 0 AND stop_price > 0),
    CONSTRAINT signals_shares CHECK (shares >= 0),
    CONSTRAINT signals_submitted_has_order CHECK ((status = 'SUBMITTED') = (client_order_id IS NOT NULL))
);
CREATE INDEX signals_session_rank ON signals (session_date, rank);
CREATE INDEX signals_client_order ON signals (client_order_id);

CREATE TABLE trades (
    entry_order_id VARCHAR(48)              NOT NULL,
    session_date   DATE                     NOT NULL,
    symbol         VARCHAR(10)              NOT NULL,
    direction      VARCHAR(5)               NOT NULL,
    shares         BIGINT                   NOT NULL,
    entry_price    NUMERIC(20, 9)           NOT NULL,
    stop_price     NUMERIC(20, 9)           NOT NULL,
    fill_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    fill_price     NUMERIC                  NOT NULL,
    exit_time      TIMESTAMP WITH TIME ZONE,
    exit_price     NUMERIC,
    exit_reason    VARCHAR(16),
    commission     NUMERIC                  NOT NULL,
    pnl            NUMERIC,
    CONSTRAINT trades_pk PRIMARY KEY (entry_order_id),
    CONSTRAINT trades_direction CHECK (direction IN ('LONG', 'SHORT')),
    CONSTRAINT trades_shares_positive CHECK (shares > 0),
    CONSTRAINT trades_prices_positive CHECK (entry_price > 0 AND stop_price > 0 AND fill_price > 0 AND exit_price > 0),
    CONSTRAINT trades_commission CHECK (commission >= 0),
    CONSTRAINT trades_exit_complete CHECK (
        (exit_time IS NULL AND exit_price IS NULL AND exit_reason IS NULL AND pnl IS NULL)
        OR (exit_time IS NOT NULL AND exit_price IS NOT NULL AND exit_reason IS NOT NULL AND pnl IS NOT NULL))
);
CREATE INDEX trades_session_symbol ON trades (session_date, symbol);

CREATE TABLE daily_metrics (
    session_date DATE    NOT NULL,
    start_equity NUMERIC NOT NULL,
    end_equity   NUMERIC NOT NULL,
    pnl          NUMERIC NOT NULL,
    trades       INTEGER NOT NULL,
    wins         INTEGER NOT NULL,
    losses       INTEGER NOT NULL,
    commission   NUMERIC NOT NULL,
    CONSTRAINT daily_metrics_pk PRIMARY KEY (session_date),
    CONSTRAINT daily_metrics_counts CHECK (trades >= 0 AND wins >= 0 AND losses >= 0 AND wins + losses <= trades),
    CONSTRAINT daily_metrics_commission CHECK (commission >= 0)
);

CREATE TABLE logs (
    id         BIGINT GENERATED ALWAYS AS IDENTITY,
    log_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    level      VARCHAR(16)              NOT NULL,
    -- TRACE 0, DEBUG 1, INFO 2, WARN 3, ERROR 4 (dev.orb.ports.query.LogLevel); unknown names count as INFO.
    level_rank SMALLINT                 NOT NULL,
    component  VARCHAR(500)             NOT NULL,
    message    VARCHAR                  NOT NULL,
    thread     VARCHAR(200)             NOT NULL,
    CONSTRAINT logs_pk PRIMARY KEY (id),
    CONSTRAINT logs_level_rank CHECK (level_rank BETWEEN 0 AND 4)
);
CREATE INDEX logs_time ON logs (log_time, id);
CREATE INDEX logs_level_time ON logs (level_rank, log_time);
CREATE INDEX logs_component_time ON logs (component, log_time);
