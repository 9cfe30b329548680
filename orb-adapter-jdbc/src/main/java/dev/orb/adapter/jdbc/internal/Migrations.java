package dev.orb.adapter.jdbc.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.ValidateResult;

import dev.orb.adapter.jdbc.StorageException;

/**
 * Brings the schema to the version of this release with Flyway, then validates the applied history against
 * the scripts on the class path, so that an edited script (a changed checksum) stops start-up.
 */
final class Migrations {
    private Migrations() {
    }

    static void migrate(DataSource dataSource, Dialect dialect, String schema) {
        FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocations().toArray(String[]::new))
                .validateOnMigrate(true)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .baselineOnMigrate(false);
        if (schema != null) {
            config = config.schemas(schema).defaultSchema(schema);
        }
        Flyway flyway = config.load();
        try {
            flyway.migrate();
            ValidateResult result = flyway.validateWithResult();
            if (!result.validationSuccessful) {
                throw new StorageException("validating the schema history failed: " + result.getAllErrorMessages(),
                        null, null);
            }
        } catch (FlywayException e) {
            throw Errors.storage("migrating the schema", e);
        }
    }
}
