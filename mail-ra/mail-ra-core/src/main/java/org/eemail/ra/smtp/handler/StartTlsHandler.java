// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpSession;

/**
 * STARTTLS, RFC 3207 §4: 220, then the transport starts the TLS handshake, drops whatever the
 * client pipelined before it, and calls {@link SmtpSession#tlsStarted()}, which resets the
 * session to before EHLO (§4.2). No parameters. Offered only on a plain connection of a listener
 * without implicit TLS (see {@code SmtpVerb}).
 */
public final class StartTlsHandler implements SmtpCommandHandler {

    @Override
    public Response handle(SmtpSession session, String argument) {
        if (!argument.isEmpty()) {
            return Response.of(SmtpReplies.NO_PARAMETERS_ALLOWED);
        }
        return Response.startTls(SmtpReplies.READY_FOR_TLS);
    }
}
