// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.protocol.Response;

/**
 * USER name, RFC 1939 §7: remembers the name for the PASS that must follow. Refused before TLS
 * where plaintext passwords are not allowed (RFC 2595 §2.1), so that the client learns it before
 * it sends the password.
 */
public final class UserHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        if (argument.isBlank()) {
            return Response.of(Pop3Replies.USER_SYNTAX);
        }
        if (!session.plaintextAllowed()) {
            return Response.of(Pop3Replies.PLAINTEXT_REFUSED);
        }
        session.userGiven(argument.strip());
        return Response.of(Pop3Replies.USER_ACCEPTED);
    }
}
