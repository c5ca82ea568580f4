// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import java.util.ArrayList;
import java.util.List;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.HeloName;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpSession;

/**
 * EHLO, RFC 5321 §4.1.1.1: the client names itself and asks for the service extensions; any
 * transaction is dropped. The server lists PIPELINING (RFC 2920), SIZE (RFC 1870), 8BITMIME
 * (RFC 6152), ENHANCEDSTATUSCODES (RFC 2034), CHUNKING (RFC 3030), SMTPUTF8 (RFC 6531), DSN
 * (RFC 3461), STARTTLS while the connection is plain (RFC 3207), and AUTH once it is encrypted
 * (RFC 4954). BINARYMIME is not offered.
 */
public final class EhloHandler implements SmtpCommandHandler {

    @Override
    public Response handle(SmtpSession session, String argument) {
        if (!HeloName.valid(argument)) {
            return Response.of(SmtpReplies.BAD_HELO);
        }
        session.greeted(argument, true);
        return Response.of(SmtpReplies.ehlo(session.hostname(), keywords(session)));
    }

    private static List<String> keywords(SmtpSession session) {
        List<String> keywords = new ArrayList<>(List.of("PIPELINING", "SIZE " + session.settings().maxMessageSize(),
                "8BITMIME", "ENHANCEDSTATUSCODES", "CHUNKING", "SMTPUTF8", "DSN"));
        if (session.mayStartTls()) {
            keywords.add("STARTTLS");
        }
        if (session.tls()) {
            keywords.add("AUTH PLAIN LOGIN");
        }
        return keywords;
    }
}
