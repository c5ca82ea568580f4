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
 * The shape LIST and UIDL share (RFC 1939 §5, §7): with a message number, one line for that
 * message; without, a listing of every message not marked as deleted.
 */
abstract class MessageListingHandler implements Pop3CommandHandler {

    @Override
    public final Response handle(Pop3Session session, String argument) {
        MessageList messages = session.messages();
        if (!argument.isEmpty()) {
            try {
                int number = MessageNumber.parse(session, argument);
                return Response.of(Pop3Replies.scanListing(number, value(messages.message(number).orElseThrow())));
            } catch (Pop3Refusal refusal) {
                return Response.of(refusal.reply());
            }
        }
        List<String> lines = new ArrayList<>(messages.count());
        for (int number = 1; number <= messages.numbered(); number++) {
            int n = number;
            messages.message(number).ifPresent(entry -> lines.add(n + " " + value(entry)));
        }
        return Response.of(Pop3Replies.listing(heading(messages), lines));
    }

    /** What the listing says of a message. */
    abstract long value(MaildropEntry message);

    /** The text of the {@code +OK} line above a whole listing. */
    abstract String heading(MessageList messages);
}
