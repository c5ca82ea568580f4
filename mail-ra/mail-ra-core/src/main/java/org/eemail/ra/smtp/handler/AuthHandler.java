// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import java.util.Locale;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpSession;
import org.eemail.ra.smtp.auth.LoginMechanism;
import org.eemail.ra.smtp.auth.PlainMechanism;

/**
 * AUTH, RFC 4954 §4: {@code AUTH <mechanism> [initial-response]} with PLAIN (RFC 4616) or LOGIN.
 * The session reads the answers to 334 challenges as continuation lines. Only under TLS, only
 * outside a transaction and only once per session (see {@code SmtpVerb}).
 */
public final class AuthHandler implements SmtpCommandHandler {

    @Override
    public Response handle(SmtpSession session, String argument) {
        String[] words = argument.split(" ", -1);
        if (argument.isEmpty() || words.length > 2) {
            return Response.of(SmtpReplies.SYNTAX_ERROR);
        }
        String initial = words.length == 2 ? words[1] : "";
        switch (words[0].toUpperCase(Locale.ROOT)) {
            case "PLAIN":
                return PlainMechanism.start(session, initial);
            case "LOGIN":
                return LoginMechanism.start(session, initial);
            default:
                return Response.of(SmtpReplies.UNKNOWN_MECHANISM);
        }
    }
}
