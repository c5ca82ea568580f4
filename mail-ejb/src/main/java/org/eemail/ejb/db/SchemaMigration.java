// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database: every other startup
 * bean that uses it declares {@code @DependsOn("SchemaMigration")}.
 *
 * <p>The application's data source is defined here, on the first bean to need it. The pool is the
 * application's own rather than the server's default database, which on Payara Micro broke under
 * concurrent writes (platform.md). Bean-managed transactions, because Flyway commits each
 * migration itself.
 *
 * <p>The migrations are portable SQL except where H2 and PostgreSQL cannot agree; those spots are
 * Flyway placeholders filled in from the database product: {@code ${binary_type}} is
 * {@code BYTEA} on PostgreSQL (which has no {@code BLOB}) and {@code BLOB} elsewhere (H2's
 * streamed large object; its {@code BINARY VARYING} stops at 1 MB).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "org.eemail.ejb.db.ConfiguredDataSource",
        minPoolSize = 0,
        initialPoolSize = 0,
        maxPoolSize = 32,
        // WildFly keeps a custom DataSource class only if some attribute maps to a setter of it
        loginTimeout = 10)
public class SchemaMigration {

    /** The JNDI name of the one data source of the application. */
    public static final String DATA_SOURCE = "java:app/jdbc/mail";

    /** The placeholder for the type of large binary columns. */
    static final String BINARY_TYPE = "binary_type";

    private static final Logger LOG = System.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = apply(dataSource);
        LOG.log(Level.INFO, "Database schema at version {0} ({1} migrations applied)",
                result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    /**
     * Returns once the schema is up to date: the container creates this singleton, and so
     * migrates, before the first call of a business method. For beans that the resource adapter
     * may call while the application is still starting.
     */
    public void awaitSchema() {
        // the @PostConstruct did the work
    }

    /**
     * Applies the pending migrations to {@code dataSource}. Public so that tests outside the
     * container build the schema exactly as the server does. Not an overload of {@link #migrate()}:
     * Payara finds the {@code @PostConstruct} method by name and fails deployment with "wrong
     * number of arguments" when it picks this one.
     */
    public static MigrateResult apply(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(placeholders(dataSource))
                .load()
                .migrate();
    }

    private static Map<String, String> placeholders(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Map.of(BINARY_TYPE, binaryType(connection.getMetaData().getDatabaseProductName()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product: " + e.getMessage(), e);
        }
    }

    /** {@code BYTEA} for PostgreSQL, whose JDBC driver reports the product as "PostgreSQL". */
    static String binaryType(String databaseProduct) {
        return "PostgreSQL".equalsIgnoreCase(databaseProduct) ? "BYTEA" : "BLOB";
    }
}
