package dev.orb.adapter.jdbc;

import org.junit.jupiter.api.Nested;

/** The storage contract on an embedded H2 file database. */
class H2StorageTest {
    @Nested
    class JournalAndState extends JournalAndStateContract {
        @Override
        Backend newBackend() {
            return new H2Backend();
        }
    }

    @Nested
    class Market extends MarketContract {
        @Override
        Backend newBackend() {
            return new H2Backend();
        }
    }

    @Nested
    class Trading extends TradingContract {
        @Override
        Backend newBackend() {
            return new H2Backend();
        }
    }

    @Nested
    class Logs extends LogContract {
        @Override
        Backend newBackend() {
            return new H2Backend();
        }
    }

    @Nested
    class Queries extends QueryContract {
        @Override
        Backend newBackend() {
            return new H2Backend();
        }
    }

    @Nested
    class Schema extends SchemaContract {
        @Override
        Backend newBackend() {
            return new H2Backend();
        }
    }
}
