-- daily_bars is keyed by (bar_date, symbol) instead of (symbol, bar_date), and the separate bar_date index goes.
--
-- Every read and delete of daily bars selects by date (a session, a date range, the dates present, retention), and
-- the nightly sync writes one date at a time: with the date first, those are range scans of the key and a new
-- session's bars are appended at the end of the key instead of into the middle of every symbol's run. One index
-- less to maintain per row (H2 keeps every secondary index as a B-tree of its own). The per-symbol lookup of
-- saveUniverse (latest bar before a session) finds the date first, then the symbols of that date.
ALTER TABLE daily_bars DROP CONSTRAINT daily_bars_pk;
ALTER TABLE daily_bars ADD CONSTRAINT daily_bars_pk PRIMARY KEY (bar_date, symbol);
DROP INDEX daily_bars_date;
