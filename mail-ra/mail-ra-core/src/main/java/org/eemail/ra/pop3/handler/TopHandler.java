// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.pop3.MessageCopy;
import org.eemail.ra.pop3.MessageNumber;
import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Refusal;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.protocol.Response;

/** TOP msg n, RFC 1939 §7: the header section, the empty line, and the first n lines of the body. */
public final class TopHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        String[] words = argument.split(" ", -1);
        if (words.length != 2) {
            return Response.of(Pop3Replies.TOP_SYNTAX);
        }
        MaildropEntry message;
        int lines;
        try {
            message = MessageNumber.message(session, words[0]);
            lines = MessageNumber.decimal(words[1], Pop3Replies.TOP_SYNTAX);
        } catch (Pop3Refusal refusal) {
            return Response.of(refusal.reply());
        }
        return MessageCopy.send(session, message, Pop3Replies.TOP_FOLLOWS, MessageCopy.top(lines));
    }
}
