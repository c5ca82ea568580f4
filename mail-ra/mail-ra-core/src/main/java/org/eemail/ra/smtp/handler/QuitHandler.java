// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpSession;

/** QUIT, RFC 5321 §4.1.1.10: 221, then the server closes the connection. No parameters. */
public final class QuitHandler implements SmtpCommandHandler {

    @Override
    public Response handle(SmtpSession session, String argument) {
        if (!argument.isEmpty()) {
            return Response.of(SmtpReplies.NO_PARAMETERS_ALLOWED);
        }
        session.closing();
        return Response.closing(SmtpReplies.closing(session.hostname()));
    }
}
