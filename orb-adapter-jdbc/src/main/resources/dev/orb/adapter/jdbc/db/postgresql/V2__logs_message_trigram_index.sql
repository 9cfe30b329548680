-- PostgreSQL only (H2 has no equivalent; it scans). Log search is a case-insensitive substring match
-- (message ILIKE '%text%') on both databases; on PostgreSQL a trigram GIN index makes it fast.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension, but installing it may still be refused
-- (no CREATE privilege, package missing): then search works the same, only without the index.
DO $$
DECLARE
    trgm_schema TEXT;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'orb: pg_trgm unavailable (%), log search runs without a trigram index', SQLERRM;
    END;
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NOT NULL THEN
        EXECUTE format('CREATE INDEX logs_message_trgm ON logs USING gin (message %I.gin_trgm_ops)', trgm_schema);
    END IF;
END
$$;
