// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import java.util.ArrayList;
import java.util.List;
import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.pop3.MessageList;
import org.eemail.ra.pop3.MessageNumber;
import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Refusal;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.protocol.Response;

/**
 * LIST [msg], RFC 1939 §5: the size of one message or of every message not marked as deleted.
 * The size is the exact number of octets RETR sends before dot-stuffing.
 */
public final class ListHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        MessageList messages = session.messages();
        if (!argument.isEmpty()) {
            try {
                int number = MessageNumber.parse(session, argument);
                return Response.of(Pop3Replies.scanListing(number, messages.message(number).orElseThrow().size()));
            } catch (Pop3Refusal refusal) {
                return Response.of(refusal.reply());
            }
        }
        List<String> lines = new ArrayList<>(messages.count());
        for (int number = 1; number <= messages.numbered(); number++) {
            int n = number;
            messages.message(number).map(MaildropEntry::size).ifPresent(size -> lines.add(n + " " + size));
        }
        return Response.of(Pop3Replies.listing(messages.count() + " messages (" + messages.octets() + " octets)", lines));
    }
}
