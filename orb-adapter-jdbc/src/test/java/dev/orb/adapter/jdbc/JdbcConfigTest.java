package dev.orb.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.KillSwitchState;

class JdbcConfigTest {
    private static final String SECRET = "Tr0ub4dor&3-secret";

    @Test
    void h2Default_isOrbUnderTheUsersHome() {
        JdbcConfig config = JdbcConfig.h2Default();

        Path expected = Path.of(System.getProperty("user.home"), ".orb").toAbsolutePath().normalize();
        assertThat(config.h2Directory()).contains(expected);
        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:" + expected.resolve("orb").toString().replace('\\', '/') + ";")
                .contains("WRITE_DELAY=0");
        assertThat(config.poolSize()).isEqualTo(JdbcConfig.DEFAULT_POOL_SIZE);
        assertThat(config.schema()).isEmpty();
    }

    @Test
    void toString_neverShowsThePassword() {
        JdbcConfig config = JdbcConfig.postgres("jdbc:postgresql://db:5432/orb", "orb", SECRET).withSchema("orb");

        assertThat(config.toString()).doesNotContain(SECRET).contains("password=***", "schema=orb", "user=orb");
    }

    @Test
    void aPasswordInsideTheUrl_isRefused_withoutEchoingIt() {
        assertThatThrownBy(() -> JdbcConfig.postgres("jdbc:postgresql://db/orb?password=" + SECRET, "orb", ""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> JdbcConfig.postgres("jdbc:mysql://db/orb", "orb", ""))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void schemaAndPoolSize_areValidated() {
        JdbcConfig base = JdbcConfig.h2File(Path.of("target/x"));
        assertThatThrownBy(() -> base.withSchema("orb; DROP TABLE trades")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> base.withSchema("Orb")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> base.withPoolSize(0)).isInstanceOf(InvalidValueException.class);
        assertThat(base.withPoolSize(3).withSchema("orb_app").poolSize()).isEqualTo(3);
    }

    @Test
    void asynchronousCommit_isOffByDefault_postgresOnly_andShown() {
        JdbcConfig pg = JdbcConfig.postgres("jdbc:postgresql://db:5432/orb", "orb", SECRET);
        assertThat(pg.asynchronousCommit()).isFalse();
        assertThat(pg.withAsynchronousCommit(true).withSchema("orb").withPoolSize(2).asynchronousCommit()).isTrue();
        assertThat(pg.withAsynchronousCommit(true).toString()).contains("asynchronousCommit").doesNotContain(SECRET);
        assertThat(JdbcConfig.h2File(Path.of("target/x")).asynchronousCommit()).isFalse();
        assertThatThrownBy(() -> JdbcConfig.h2File(Path.of("target/x")).withAsynchronousCommit(true))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("PostgreSQL");
    }

    @Test
    void anUnreachableServer_failsWithAStorageException_thatNeverMentionsThePassword() {
        JdbcConfig config = JdbcConfig.postgres("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2", "orb", SECRET);

        assertThatThrownBy(() -> JdbcStorage.create(config))
                .isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(SECRET).contains("127.0.0.1:1"));
    }

    @Test
    void h2_createsMissingDirectories_andHonoursASchema() {
        H2Backend scratch = new H2Backend();
        try {
            JdbcConfig config = JdbcConfig.h2File(scratch.directory().resolve("a/b")).withSchema("orb_app");
            KillSwitchState on = new KillSwitchState(true, "operator:alice", Samples.DECIDED, "test");
            try (JdbcStorage storage = JdbcStorage.create(config)) {
                storage.saveKillSwitch(on);
            }
            try (JdbcStorage storage = JdbcStorage.create(config)) {
                assertThat(storage.killSwitch()).isEqualTo(on);
            }
            assertThat(scratch.directory().resolve("a/b/orb.mv.db")).exists();
        } finally {
            scratch.destroy();
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
