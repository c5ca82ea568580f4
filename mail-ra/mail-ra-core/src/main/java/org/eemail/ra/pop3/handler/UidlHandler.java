// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.pop3.MessageList;

/**
 * UIDL [msg], RFC 1939 §7: the unique id of one message or of every message not marked as deleted.
 * The id is the mailbox entry's number, which is never given to another message.
 */
public final class UidlHandler extends MessageListingHandler {

    @Override
    long value(MaildropEntry message) {
        return message.uid();
    }

    @Override
    String heading(MessageList messages) {
        return "Unique-id listing follows";
    }
}
