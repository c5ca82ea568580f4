// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.pop3.MessageList;

/**
 * LIST [msg], RFC 1939 §5: the size of one message or of every message not marked as deleted.
 * The size is the exact number of octets RETR sends before dot-stuffing.
 */
public final class ListHandler extends MessageListingHandler {

    @Override
    long value(MaildropEntry message) {
        return message.size();
    }

    @Override
    String heading(MessageList messages) {
        return messages.count() + " messages (" + messages.octets() + " octets)";
    }
}
