// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import java.time.Instant;
import java.util.Locale;
import org.eemail.ejb.store.QueueItem;

/** A queue entry as the API shows it: one recipient of one message. */
public record QueueItemView(long id, String recipient, String sender, String state, int attempts, Instant created,
                            Instant nextAttempt, String lastReply, long storedMessageId, String messageId, long size) {

    static QueueItemView of(QueueItem item) {
        return new QueueItemView(item.id(), item.recipient(), item.sender(), item.state().name().toLowerCase(Locale.ROOT),
                item.attempts(), item.created(), item.nextAttempt(), item.lastReply(), item.storedMessageId(),
                item.messageId(), item.size());
    }
}
