// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.eemail.ejb.domain.TrailEvent;
import org.hibernate.Session;

/**
 * Writes trail steps as one JDBC batch on the connection of the current transaction: one round
 * trip however many recipients a message has, and no identity to read back, so acceptance pays
 * little for its trail. The steps commit or roll back with what they describe. Addresses are kept
 * in lower case: neither database indexes an expression portably, and a search must find
 * {@code Bob@Example.org} however it is typed.
 */
final class TrailLog {

    private static final String INSERT = "INSERT INTO trail_event (stored_message_id, occurred, kind, recipient,"
            + " detail, remote_host, reply, outcome, message_id, sender, size_octets)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private TrailLog() {
    }

    static void write(EntityManager em, List<TrailStep> steps) {
        if (steps.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (TrailStep step : steps) {
                    insert.setLong(1, step.storedMessageId());
                    insert.setObject(2, OffsetDateTime.ofInstant(step.occurred(), ZoneOffset.UTC));
                    insert.setString(3, step.kind().name());
                    insert.setString(4, lower(step.recipient()));
                    insert.setString(5, cut(step.detail(), TrailEvent.MAX_DETAIL));
                    insert.setString(6, cut(step.remoteHost(), TrailEvent.MAX_REMOTE_HOST));
                    insert.setString(7, cut(step.reply(), TrailEvent.MAX_DETAIL));
                    insert.setString(8, step.outcome());
                    insert.setString(9, step.messageId());
                    insert.setString(10, lower(step.sender()));
                    if (step.size() == null) {
                        insert.setNull(11, Types.BIGINT);
                    } else {
                        insert.setLong(11, step.size());
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Addresses in lower case, so that a search finds them however they were spelled. */
    static String lower(String address) {
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
