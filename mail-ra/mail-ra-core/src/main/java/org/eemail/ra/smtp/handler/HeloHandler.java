// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.HeloName;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpSession;

/**
 * HELO, RFC 5321 §4.1.1.1: the client names itself and speaks plain SMTP; any transaction is
 * dropped. The reply names the server and carries no enhanced code (RFC 2034 §3).
 */
public final class HeloHandler implements SmtpCommandHandler {

    @Override
    public Response handle(SmtpSession session, String argument) {
        if (!HeloName.valid(argument)) {
            return Response.of(SmtpReplies.BAD_HELO);
        }
        session.greeted(argument, false);
        return Response.of(SmtpReplies.helo(session.hostname()));
    }
}
