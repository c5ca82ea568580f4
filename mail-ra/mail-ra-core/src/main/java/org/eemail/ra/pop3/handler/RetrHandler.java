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

/** RETR msg, RFC 1939 §5: the whole message, octet for octet as stored, dot-stuffed on the wire. */
public final class RetrHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        MaildropEntry message;
        try {
            message = MessageNumber.message(session, argument);
        } catch (Pop3Refusal refusal) {
            return Response.of(refusal.reply());
        }
        return MessageCopy.send(session, message, Pop3Replies.messageFollows(message.size()), MessageCopy.whole());
    }
}
