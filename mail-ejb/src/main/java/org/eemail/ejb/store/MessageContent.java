// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.persistence.EntityManager;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.eemail.ejb.domain.StoredMessage;
import org.hibernate.Session;

/**
 * The octets of stored messages, moved as streams over plain JDBC on the connection of the
 * current transaction, so that one transaction covers the rows and the content and Hibernate
 * never holds a message. Writing streams on H2 and PostgreSQL alike; reading streams on H2, while
 * the PostgreSQL driver reads a {@code BYTEA} value whole before it hands out a stream, so a
 * reader there costs about the message's size until chunked reads replace it. Called by stores
 * with their own EntityManager.
 */
final class MessageContent {

    private static final String WRITE =
            "UPDATE stored_message SET " + StoredMessage.CONTENT_COLUMN + " = ? WHERE id = ?";
    private static final String READ =
            "SELECT " + StoredMessage.CONTENT_COLUMN + " FROM stored_message WHERE id = ?";

    private MessageContent() {
    }

    /**
     * What goes on top of the message at delivery: {@code Return-Path} from the envelope sender
     * (RFC 5321 §4.4, {@code <>} for the null sender), then the trace fields.
     */
    static byte[] prefix(String sender, String traceHeader) {
        return ("Return-Path: <" + sender + ">\r\n" + traceHeader).getBytes(StandardCharsets.UTF_8);
    }

    /** Streams {@code length} octets from {@code content} into the row {@code id}. */
    static void write(EntityManager em, long id, InputStream content, long length) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(WRITE)) {
                update.setBinaryStream(1, content, length);
                update.setLong(2, id);
                if (update.executeUpdate() != 1) {
                    throw new SQLException("stored message " + id + " vanished while its content was written");
                }
            }
        });
    }

    /**
     * The content of {@code id}, open on the transaction's connection: read it and close it before
     * the transaction ends. Closing the stream closes the statement behind it.
     */
    static Optional<InputStream> read(EntityManager em, long id) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            PreparedStatement select = connection.prepareStatement(READ);
            try {
                select.setLong(1, id);
                ResultSet row = select.executeQuery();
                if (!row.next()) {
                    select.close();
                    return Optional.empty();
                }
                InputStream content = row.getBinaryStream(1);
                if (content == null) {
                    throw new SQLException("stored message " + id + " has no content");
                }
                return Optional.of(new StatementStream(content, select));
            } catch (SQLException | RuntimeException e) {
                select.close();
                throw e;
            }
        });
    }

    /** A column's stream that releases its statement when closed. */
    private static final class StatementStream extends FilterInputStream {

        private final PreparedStatement statement;

        StatementStream(InputStream in, PreparedStatement statement) {
            super(in);
            this.statement = statement;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                try {
                    statement.close();
                } catch (SQLException e) {
                    throw new IOException("cannot close the statement: " + e.getMessage(), e);
                }
            }
        }
    }
}
