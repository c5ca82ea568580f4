// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.db;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eemail.ra.api.StartupFailure;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source class named by the application's {@code @DataSourceDefinition}: the server's
 * connection pool wraps it, and it delegates to H2 or PostgreSQL as {@link DatabaseSettings}
 * decides. Going through MicroProfile Config here, instead of the annotation's URL, lets one
 * archive choose its database at start on Payara and WildFly alike.
 *
 * <p>Credentials come from configuration; the user and password a pool may pass to
 * {@link #getConnection(String, String)} are ignored. If the very first connection fails, the
 * failure is reported once as a {@link StartupFailure} naming the property to fix.
 */
public final class ConfiguredDataSource implements DataSource {

    private static final Object LOCK = new Object();
    private static boolean connectedOnce;
    private static String firstFailure;

    private volatile DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseSettings settings = settings();
        try {
            Connection connection = target(settings).getConnection();
            synchronized (LOCK) {
                connectedOnce = true;
            }
            return connection;
        } catch (SQLException e) {
            throw firstFailureOr(e, settings);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    /**
     * Before any connection has succeeded, a failure means the configuration is wrong: report it
     * once and keep answering with the same one-line reason, so pool retries do not log it again.
     */
    private static SQLException firstFailureOr(SQLException e, DatabaseSettings settings) {
        synchronized (LOCK) {
            if (connectedOnce) {
                return e;
            }
            if (firstFailure == null) {
                firstFailure = StartupFailure.of(settings.property(), settings.value(),
                        "cannot connect to the database: " + e.getMessage()).getMessage();
            }
            return new SQLException(firstFailure, e.getSQLState());
        }
    }

    private DatabaseSettings settings() {
        return DatabaseSettings.from(ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader()));
    }

    private DataSource target(DatabaseSettings settings) throws SQLException {
        DataSource current = target;
        if (current == null) {
            synchronized (this) {
                if (target == null) {
                    target = create(settings);
                }
                current = target;
            }
        }
        return current;
    }

    private DataSource create(DatabaseSettings settings) throws SQLException {
        if (settings.isPostgres()) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(settings.url());
            pg.setUser(settings.user());
            pg.setPassword(settings.password());
            pg.setLoginTimeout(loginTimeout);
            return pg;
        }
        try {
            Files.createDirectories(settings.dataDir().orElseThrow());
        } catch (IOException e) {
            throw new SQLException("cannot create the data directory: " + e, e);
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(settings.url());
        h2.setUser(settings.user());
        h2.setPassword(settings.password());
        return h2;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
