// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eemail.ejb.domain.MailboxMessage;
import org.eemail.ejb.domain.StoredMessage;

/**
 * One message in an account's mailbox.
 *
 * @param id        its id in the mailbox, stable for as long as the message is kept
 * @param size      its size in octets, as stored (trace headers included)
 * @param delivered when it was put in the mailbox
 * @param from      the From field, RFC 2047 decoded, or {@code null}; from the sender: untrusted text
 * @param subject   the Subject field, RFC 2047 decoded, or {@code null}; untrusted text
 * @param date      the Date field, or {@code null} when missing or unreadable
 */
@JsonbNillable
public record MailboxMessageView(long id, long size, Instant delivered, String from, String subject, Instant date) {

    static MailboxMessageView of(MailboxMessage message) {
        StoredMessage stored = message.getStoredMessage();
        return new MailboxMessageView(message.getId(), message.getSize(), message.getDelivered(),
                stored.getHeaderFrom(), stored.getHeaderSubject(), stored.getHeaderDate());
    }
}
