// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import org.eemail.ra.pop3.MessageNumber;
import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Refusal;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.protocol.Response;

/**
 * DELE msg, RFC 1939 §5: marks the message as deleted. Nothing is removed before QUIT; a
 * connection that ends otherwise removes nothing (§6).
 */
public final class DeleHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        try {
            int number = MessageNumber.parse(session, argument);
            session.messages().delete(number);
            return Response.of(Pop3Replies.deleted(number));
        } catch (Pop3Refusal refusal) {
            return Response.of(refusal.reply());
        }
    }
}
