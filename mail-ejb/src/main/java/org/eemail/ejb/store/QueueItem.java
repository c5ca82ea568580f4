// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.time.Instant;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.RecipientStatus;

/**
 * One queue entry as the administrator sees it: one recipient of one message.
 *
 * @param lastReply       the last remote reply, or {@code null} before the first attempt
 * @param messageId       the message's Message-ID header, or {@code null}
 */
public record QueueItem(long id, String recipient, String sender, RecipientStatus state, int attempts,
                        Instant created, Instant nextAttempt, String lastReply, long storedMessageId,
                        String messageId, long size) {

    static QueueItem of(QueueEntry entry) {
        return new QueueItem(entry.getId(), entry.getRecipient(), entry.getStoredMessage().getSender(),
                entry.getState(), entry.getAttempts(), entry.getCreated(), entry.getNextAttempt(),
                entry.getLastReply(), entry.getStoredMessage().getId(), entry.getStoredMessage().getMessageId(),
                entry.getStoredMessage().getSize());
    }
}
