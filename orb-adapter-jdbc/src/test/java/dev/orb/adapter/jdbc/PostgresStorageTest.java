package dev.orb.adapter.jdbc;

import org.junit.jupiter.api.Nested;

/** The storage contract on PostgreSQL (skipped when unreachable unless ORB_REQUIRE_POSTGRES=true; see PostgresBackend). */
class PostgresStorageTest {
    @Nested
    class JournalAndState extends JournalAndStateContract {
        @Override
        Backend newBackend() {
            return PostgresBackend.createOrSkip();
        }
    }

    @Nested
    class Market extends MarketContract {
        @Override
        Backend newBackend() {
            return PostgresBackend.createOrSkip();
        }
    }

    @Nested
    class Trading extends TradingContract {
        @Override
        Backend newBackend() {
            return PostgresBackend.createOrSkip();
        }
    }

    @Nested
    class Logs extends LogContract {
        @Override
        Backend newBackend() {
            return PostgresBackend.createOrSkip();
        }
    }

    @Nested
    class Queries extends QueryContract {
        @Override
        Backend newBackend() {
            return PostgresBackend.createOrSkip();
        }
    }

    @Nested
    class Schema extends SchemaContract {
        @Override
        Backend newBackend() {
            return PostgresBackend.createOrSkip();
        }
    }
}
