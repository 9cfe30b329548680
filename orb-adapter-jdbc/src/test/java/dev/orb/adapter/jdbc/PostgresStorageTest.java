package dev.orb.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.orb.adapter.jdbc.internal.Database;
import dev.orb.domain.JournalEntry;

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

    /** What only PostgreSQL has: the trigram index behind log search (migration V2). */
    @Nested
    class PostgresOnly extends StorageContract {
        @Override
        Backend newBackend() {
            return PostgresBackend.createOrSkip();
        }

        @Test
        void logSearch_hasATrigramIndex_whenPgTrgmIsAvailable() throws Exception {
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    count("SELECT COUNT(*) FROM pg_available_extensions WHERE name = 'pg_trgm'") == 1,
                    "pg_trgm is not installed on this server");

            assertThat(count("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema()"
                    + " AND indexname = 'logs_message_trgm'")).isEqualTo(1);
            assertThat(rows("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                    .containsExactly(java.util.List.of("1"), java.util.List.of("2"), java.util.List.of("3"));
        }

        @Test
        void commitsAreSynchronous_unlessAsynchronousCommitIsChosen() throws Exception {
            JdbcConfig config = backend.config();
            try (Database sync = Database.open(config.jdbcUrl(), config.user(), config.password(),
                    config.schema().orElse(null), 2, false);
                 Database async = Database.open(config.jdbcUrl(), config.user(), config.password(),
                         config.schema().orElse(null), 2, true)) {
                assertThat(setting(sync)).isEqualTo("on");
                assertThat(setting(async)).isEqualTo("off");
                String inTransaction = async.write("in a transaction", h -> h.createQuery("SHOW synchronous_commit")
                        .mapTo(String.class).one());
                assertThat(inTransaction).isEqualTo("off");
            }
            try (JdbcStorage async = JdbcStorage.create(config.withAsynchronousCommit(true))) {
                JournalEntry stored = async.append(Samples.event(Samples.SESSION, "Tick", "1", Samples.DECIDED));
                assertThat(async.journal(Samples.SESSION)).containsExactly(stored);
                assertThat(async.toString()).doesNotContain("password");
            }
        }

        private String setting(Database db) {
            return db.read("reading synchronous_commit", h -> h.createQuery("SHOW synchronous_commit")
                    .mapTo(String.class).one());
        }
    }
}
