// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Login;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.protocol.Response;

/**
 * PASS string, RFC 1939 §7: only right after USER. The whole rest of the line is the password,
 * spaces included, as §7 allows.
 */
public final class PassHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        String user = session.previousUser();
        if (user == null) {
            return Response.of(Pop3Replies.PASS_WITHOUT_USER);
        }
        if (argument.isEmpty()) {
            return Response.of(Pop3Replies.PASS_SYNTAX);
        }
        return Pop3Login.complete(session, () -> session.backend().authenticate(user, argument));
    }
}
