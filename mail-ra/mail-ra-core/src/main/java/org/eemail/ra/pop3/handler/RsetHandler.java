// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.protocol.Response;

/** RSET, RFC 1939 §5: no message is marked as deleted any more. */
public final class RsetHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        if (!argument.isEmpty()) {
            return Response.of(Pop3Replies.NO_ARGUMENTS_ALLOWED);
        }
        session.messages().unmarkAll();
        return Response.of(Pop3Replies.maildrop(session.messages()));
    }
}
