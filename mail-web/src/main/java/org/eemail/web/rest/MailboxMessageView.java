// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import java.time.Instant;
import org.eemail.ejb.domain.MailboxMessage;

/**
 * One message in an account's mailbox.
 *
 * @param id        its id in the mailbox, stable for as long as the message is kept
 * @param size      its size in octets, as stored (trace headers included)
 * @param delivered when it was put in the mailbox
 */
public record MailboxMessageView(long id, long size, Instant delivered) {

    static MailboxMessageView of(MailboxMessage message) {
        return new MailboxMessageView(message.getId(), message.getSize(), message.getDelivered());
    }
}
