// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.time.Instant;
import java.util.Locale;
import org.eemail.ejb.domain.DsnReturn;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.StoredMessage;

/**
 * A queue entry a runner has claimed, with what delivery needs of its message, detached from the
 * persistence context: delivery takes minutes, a transaction should not.
 *
 * @param claimToken the claim it belongs to; recording an outcome under another claim is ignored
 */
public record ClaimedEntry(long entryId, String claimToken, String recipient, String dsnNotify,
                           String originalRecipient, int attempts, Instant created, long storedMessageId,
                           String sender, long size, DsnReturn dsnReturn, String envelopeId) {

    static ClaimedEntry of(QueueEntry entry) {
        StoredMessage message = entry.getStoredMessage();
        return new ClaimedEntry(entry.getId(), entry.getClaimToken(), entry.getRecipient(), entry.getNotify(),
                entry.getOriginalRecipient(), entry.getAttempts(), entry.getCreated(), message.getId(),
                message.getSender(), message.getSize(), message.getDsnReturn(), message.getEnvelopeId());
    }

    /** The recipient's domain, lower case: what routing goes by. */
    public String domain() {
        return recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
