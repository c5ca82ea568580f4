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
 * UIDL [msg], RFC 1939 §7: the unique id of one message or of every message not marked as deleted.
 * The id is the mailbox entry's number, which is never given to another message.
 */
public final class UidlHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        MessageList messages = session.messages();
        if (!argument.isEmpty()) {
            try {
                int number = MessageNumber.parse(session, argument);
                return Response.of(Pop3Replies.scanListing(number, messages.message(number).orElseThrow().uid()));
            } catch (Pop3Refusal refusal) {
                return Response.of(refusal.reply());
            }
        }
        List<String> lines = new ArrayList<>(messages.count());
        for (int number = 1; number <= messages.numbered(); number++) {
            int n = number;
            messages.message(number).map(MaildropEntry::uid).ifPresent(uid -> lines.add(n + " " + uid));
        }
        return Response.of(Pop3Replies.listing("Unique-id listing follows", lines));
    }
}
