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

    private static final Logger LOG = System.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.log(Level.INFO, "Database schema at version {0} ({1} migrations applied)",
                result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
