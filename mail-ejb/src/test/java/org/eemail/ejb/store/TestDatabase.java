// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eemail.ejb.db.SchemaMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real database for store tests outside the container: migrated by the server's own
 * {@link SchemaMigration}, with the server's persistence unit "mail" bootstrapped as
 * RESOURCE_LOCAL on it, so that a class missing from persistence.xml fails here too.
 */
final class TestDatabase implements AutoCloseable {

    /** The server to create the test database on; {@code mail.test.postgres.url} overrides it. */
    static final String POSTGRES_URL =
            System.getProperty("mail.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    /** {@code mail.test.postgres.database} lets builds in two working copies run at once. */
    static final String POSTGRES_DATABASE = System.getProperty("mail.test.postgres.database", "mail_ejb_test");

    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final Runnable onClose;

    private TestDatabase(DataSource dataSource, Runnable onClose) {
        this.dataSource = dataSource;
        this.onClose = onClose;
        SchemaMigration.apply(dataSource);
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        settings.put("jakarta.persistence.jtaDataSource", null);
        settings.put("jakarta.persistence.nonJtaDataSource", dataSource);
        settings.put("jakarta.persistence.validation.mode", "NONE");
        settings.put("hibernate.transaction.jta.platform",
                "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
        this.emf = Persistence.createEntityManagerFactory("mail", settings);
    }

    /** A private in-memory H2 database, as the server's but without files. */
    static TestDatabase h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        h2.setPassword("");
        return new TestDatabase(h2, () -> execute(h2, "SHUTDOWN"));
    }

    /**
     * A fresh PostgreSQL database on 127.0.0.1:5432 (user postgres, trust authentication), dropped
     * on close. Skips the calling test class when PostgreSQL is not reachable.
     */
    static TestDatabase postgres() {
        PGSimpleDataSource admin = postgresDataSource("postgres");
        try (Connection probe = admin.getConnection()) {
            assumeTrue(probe.isValid(2), "PostgreSQL is not answering");
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL is not reachable: " + e.getMessage());
        }
        execute(admin, "DROP DATABASE IF EXISTS " + POSTGRES_DATABASE + " WITH (FORCE)");
        execute(admin, "CREATE DATABASE " + POSTGRES_DATABASE);
        return new TestDatabase(postgresDataSource(POSTGRES_DATABASE),
                () -> execute(admin, "DROP DATABASE IF EXISTS " + POSTGRES_DATABASE + " WITH (FORCE)"));
    }

    private static PGSimpleDataSource postgresDataSource(String database) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(POSTGRES_URL + database);
        pg.setUser("postgres");
        pg.setConnectTimeout(2);
        pg.setLoginTimeout(2);
        return pg;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in a transaction that commits, or rolls back if {@code work} throws. */
    <T> T call(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    void run(Consumer<EntityManager> work) {
        call(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Empties every table, children first, so each test starts from nothing. */
    void clear() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("trail_event", "maildrop_lock", "consumer_dispatch", "queue_entry", "mailbox_message", "stored_message",
                    "mail_alias_target", "mail_alias", "mail_account", "mail_domain")) {
                statement.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String table) {
        return call(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table)
                .getSingleResult()).longValue());
    }

    /** Gives a store the EntityManager the container would inject. */
    static <T> T inject(T store, EntityManager em) {
        return inject(store, "em", em);
    }

    /** Sets the field the container would inject. */
    static <T> T inject(T store, String field, Object value) {
        try {
            Field declared = store.getClass().getDeclaredField(field);
            declared.setAccessible(true);
            declared.set(store, value);
            return store;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        emf.close();
        onClose.run();
    }
}
