// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpSession;

/**
 * VRFY, RFC 5321 §4.1.1.6 and §7.3: answered 252 for every argument, so that nobody can learn
 * which accounts exist; the argument is not even looked up.
 */
public final class VrfyHandler implements SmtpCommandHandler {

    @Override
    public Response handle(SmtpSession session, String argument) {
        if (argument.isBlank()) {
            return Response.of(SmtpReplies.SYNTAX_ERROR);
        }
        return Response.of(SmtpReplies.CANNOT_VRFY);
    }
}
