-- daily_bars is keyed by (bar_date, symbol) instead of (symbol, bar_date), the separate bar_date index goes, and
-- daily_bar_dates lists the dates whose bars are published.
--
-- Every read and delete of daily bars selects by date (a session, a date range, the dates present, retention), and
-- the nightly sync writes one date at a time: with the date first, those are range scans of the key and a new
-- session's bars are appended at the end of the key instead of into the middle of every symbol's run. One index
-- less to maintain per row (H2 keeps every secondary index as a B-tree of its own). The per-symbol lookup of
-- saveUniverse (latest bar before a session) finds the date first, then the symbols of that date.
ALTER TABLE daily_bars DROP CONSTRAINT daily_bars_pk;
ALTER TABLE daily_bars ADD CONSTRAINT daily_bars_pk PRIMARY KEY (bar_date, symbol);
DROP INDEX daily_bars_date;

-- orb reads a date's bars only once the date is listed here. An upsert adds its dates in the transaction that
-- completes it: on H2 a large upsert writes the bars of dates not yet listed in several transactions (one large
-- transaction costs H2 more per row) and lists them in its last one, so readers never see half of it, and a crash
-- leaves only unlisted rows, which the next upsert of those dates overwrites. Rows of unlisted dates are an
-- upsert in progress or an interrupted one: not data.
CREATE TABLE daily_bar_dates (
    bar_date DATE NOT NULL,
    CONSTRAINT daily_bar_dates_pk PRIMARY KEY (bar_date)
);
INSERT INTO daily_bar_dates (bar_date) SELECT DISTINCT bar_date FROM daily_bars;
