// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.protocol.Response;

/** STAT, RFC 1939 §5: the messages not marked as deleted, and their octets. */
public final class StatHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        if (!argument.isEmpty()) {
            return Response.of(Pop3Replies.NO_ARGUMENTS_ALLOWED);
        }
        return Response.of(Pop3Replies.dropListing(session.messages()));
    }
}
