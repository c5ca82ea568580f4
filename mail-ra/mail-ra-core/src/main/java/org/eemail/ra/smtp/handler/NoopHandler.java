// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpSession;

/** NOOP, RFC 5321 §4.1.1.9: always 250; a parameter is allowed and ignored. */
public final class NoopHandler implements SmtpCommandHandler {

    @Override
    public Response handle(SmtpSession session, String argument) {
        return Response.of(SmtpReplies.OK);
    }
}
