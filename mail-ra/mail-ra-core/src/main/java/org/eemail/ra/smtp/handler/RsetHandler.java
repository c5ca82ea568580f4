// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpSession;

/**
 * RSET, RFC 5321 §4.1.1.5: drops the transaction, keeps the EHLO/HELO name and authentication.
 * Allowed at any time; no parameters.
 */
public final class RsetHandler implements SmtpCommandHandler {

    @Override
    public Response handle(SmtpSession session, String argument) {
        if (!argument.isEmpty()) {
            return Response.of(SmtpReplies.NO_PARAMETERS_ALLOWED);
        }
        session.endTransaction();
        return Response.of(SmtpReplies.OK);
    }
}
