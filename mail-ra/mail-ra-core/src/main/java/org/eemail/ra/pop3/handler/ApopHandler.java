// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import java.util.Locale;
import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Login;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.protocol.Response;

/**
 * APOP name digest, RFC 1939 §7: the MD5 of the greeting's timestamp and a secret the server can
 * read back. Legacy, off unless {@code mail.pop3.apop} is set; then only accounts that have an
 * APOP secret can use it. The digest does not reveal the secret, so APOP is allowed without TLS.
 */
public final class ApopHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        if (!session.settings().apop()) {
            return Response.of(Pop3Replies.APOP_UNAVAILABLE);
        }
        String[] words = argument.split(" ", -1);
        if (words.length != 2 || words[0].isEmpty() || !words[1].matches("[0-9a-fA-F]{32}")) {
            return Response.of(Pop3Replies.APOP_SYNTAX);
        }
        String digest = words[1].toLowerCase(Locale.ROOT);
        return Pop3Login.complete(session,
                () -> session.backend().authenticateApop(words[0], session.apopTimestamp(), digest));
    }
}
