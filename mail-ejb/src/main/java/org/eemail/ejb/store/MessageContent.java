// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.persistence.EntityManager;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eemail.ejb.domain.StoredMessage;
import org.hibernate.Session;

/**
 * The octets of stored messages, moved as streams over plain JDBC on the connection of the
 * current transaction, so that one transaction covers the rows and the content and Hibernate
 * never holds a message. Writing streams on H2 and PostgreSQL alike. Reading streams H2's BLOB;
 * PostgreSQL's driver would read a {@code BYTEA} value whole before it hands out a stream, so
 * there the content is read in slices of {@value #SLICE} octets. Called by stores with their own
 * EntityManager.
 */
final class MessageContent {

    /** The whole row in one statement: an INSERT and then an UPDATE would write the content twice. */
    private static final String INSERT = "INSERT INTO stored_message (received, sender, size_octets,"
            + " message_id, dsn_ret, dsn_envid, header_from, header_subject, header_date, "
            + StoredMessage.CONTENT_COLUMN + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String READ =
            "SELECT " + StoredMessage.CONTENT_COLUMN + " FROM stored_message WHERE id = ?";

    /** Octets per query when PostgreSQL content is read in slices. */
    static final int SLICE = 256 * 1024;
    private static final String LENGTH =
            "SELECT octet_length(" + StoredMessage.CONTENT_COLUMN + ") FROM stored_message WHERE id = ?";
    private static final String READ_SLICE =
            "SELECT substring(" + StoredMessage.CONTENT_COLUMN + " FROM ? FOR ?) FROM stored_message WHERE id = ?";

    /** Mailbox entries per query of {@link #readWhole}: the statement keeps this many parameters. */
    static final int ENTRIES_PER_QUERY = 64;
    /**
     * The content of several mailbox entries, with the address of the account each belongs to.
     * Selected by entry id alone, so that the database looks each up by its primary key rather
     * than walking all the account's entries; the caller checks the address.
     */
    private static final String READ_ENTRIES = "SELECT m.id, a.address, s." + StoredMessage.CONTENT_COLUMN
            + " FROM mailbox_message m JOIN mail_account a ON a.id = m.account_id"
            + " JOIN stored_message s ON s.id = m.stored_message_id WHERE m.id IN ("
            + "?, ".repeat(ENTRIES_PER_QUERY - 1) + "?)";

    private MessageContent() {
    }

    /**
     * What goes on top of the message at delivery: {@code Return-Path} from the envelope sender
     * (RFC 5321 §4.4, {@code <>} for the null sender), then the trace fields.
     */
    static byte[] prefix(String sender, String traceHeader) {
        return ("Return-Path: <" + sender + ">\r\n" + traceHeader).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Inserts the row of {@code message}, streaming its {@link StoredMessage#getSize() size} octets
     * from {@code content}, and returns the new row's id. {@code message} only carries the values:
     * it stays unmanaged, and callers refer to the row through {@code em.getReference}.
     */
    static long insert(EntityManager em, StoredMessage message, InputStream content) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
                insert.setObject(1, OffsetDateTime.ofInstant(message.getReceived(), ZoneOffset.UTC));
                insert.setString(2, message.getSender());
                insert.setLong(3, message.getSize());
                insert.setString(4, message.getMessageId());
                insert.setString(5, message.getDsnReturn() == null ? null : message.getDsnReturn().name());
                insert.setString(6, message.getEnvelopeId());
                insert.setString(7, message.getHeaderFrom());
                insert.setString(8, message.getHeaderSubject());
                if (message.getHeaderDate() == null) {
                    insert.setNull(9, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setObject(9, OffsetDateTime.ofInstant(message.getHeaderDate(), ZoneOffset.UTC));
                }
                insert.setBinaryStream(10, content, message.getSize());
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    if (!key.next()) {
                        throw new SQLException("the database returned no id for the stored message");
                    }
                    return key.getLong(1);
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
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return readInSlices(connection, id);
            }
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

    /**
     * The whole content of those mailbox entries {@code ids} of {@code address} that exist, by
     * entry id, in one query per {@value #ENTRIES_PER_QUERY} entries. For small messages only:
     * each is read into memory whole, on PostgreSQL as on H2.
     */
    static Map<Long, byte[]> readWhole(EntityManager em, String address, List<Long> ids) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<Long, byte[]> contents = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(READ_ENTRIES)) {
                for (int from = 0; from < ids.size(); from += ENTRIES_PER_QUERY) {
                    List<Long> some = ids.subList(from, Math.min(ids.size(), from + ENTRIES_PER_QUERY));
                    // unused places repeat the last id: one statement text for any number of ids
                    for (int i = 0; i < ENTRIES_PER_QUERY; i++) {
                        select.setLong(1 + i, some.get(Math.min(i, some.size() - 1)));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            if (!address.equals(rows.getString(2))) {
                                continue; // another account's entry: not in this maildrop
                            }
                            byte[] content = rows.getBytes(3);
                            if (content == null) {
                                throw new SQLException("stored message of entry " + rows.getLong(1) + " has no content");
                            }
                            contents.put(rows.getLong(1), content);
                        }
                    }
                }
            }
            return contents;
        });
    }

    private static Optional<InputStream> readInSlices(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LENGTH)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long length = row.getLong(1);
                if (row.wasNull()) {
                    throw new SQLException("stored message " + id + " has no content");
                }
                return Optional.of(new SlicedStream(connection, id, length));
            }
        }
    }

    /**
     * The content read {@value #SLICE} octets at a time with {@code substring}, so a large message
     * never sits in memory whole. Reads on the transaction's connection, like the other stream.
     */
    private static final class SlicedStream extends InputStream {

        private final Connection connection;
        private final long id;
        private final long length;
        private long position;
        private byte[] slice = new byte[0];
        private int next;

        SlicedStream(Connection connection, long id, long length) {
            this.connection = connection;
            this.id = id;
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            return fill() ? slice[next++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(count, slice.length - next);
            System.arraycopy(slice, next, buffer, offset, n);
            next += n;
            return n;
        }

        /** Whether there is an octet to read, fetching the next slice when this one is used up. */
        private boolean fill() throws IOException {
            if (next < slice.length) {
                return true;
            }
            if (position >= length) {
                return false;
            }
            int wanted = (int) Math.min(SLICE, length - position);
            try (PreparedStatement select = connection.prepareStatement(READ_SLICE)) {
                select.setInt(1, (int) position + 1); // SQL positions start at 1; BYTEA stays under 1 GB
                select.setInt(2, wanted);
                select.setLong(3, id);
                try (ResultSet row = select.executeQuery()) {
                    slice = row.next() ? row.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new IOException("cannot read stored message " + id + ": " + e.getMessage(), e);
            }
            if (slice == null || slice.length != wanted) {
                throw new IOException("stored message " + id + " changed while it was read");
            }
            position += wanted;
            next = 0;
            return true;
        }
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
