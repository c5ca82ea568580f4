// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.persistence.EntityManager;
import java.util.Collection;

/** Stored messages go when no mailbox, no queue entry and no pending application dispatch refers to them any more. */
final class UnreferencedMessages {

    private static final String DELETE_UNREFERENCED = "DELETE FROM stored_message WHERE id IN (:ids)"
            + " AND NOT EXISTS (SELECT 1 FROM mailbox_message m WHERE m.stored_message_id = stored_message.id)"
            + " AND NOT EXISTS (SELECT 1 FROM queue_entry q WHERE q.stored_message_id = stored_message.id)"
            // an application consumer still to be called keeps the message; its done dispatches go with it
            + " AND NOT EXISTS (SELECT 1 FROM consumer_dispatch d WHERE d.stored_message_id = stored_message.id"
            + " AND d.state <> 'DONE')";

    private UnreferencedMessages() {
    }

    /** Deletes those of {@code storedMessageIds} that nothing refers to; at most a few hundred ids at a time. */
    static void delete(EntityManager em, Collection<Long> storedMessageIds) {
        if (!storedMessageIds.isEmpty()) {
            em.createNativeQuery(DELETE_UNREFERENCED).setParameter("ids", storedMessageIds).executeUpdate();
        }
    }
}
